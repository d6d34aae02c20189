/**
 * The room's shortcuts live in one table that the key handler and the sheet both read. A
 * shortcut that is also the editor's (Ctrl+B, Ctrl+Alt+1 for a heading) or a window menu's
 * would take the key from one of them, so the table is checked against both here.
 */
import { getExtensionField, type AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import Mention from '@tiptap/extension-mention'
import StarterKit from '@tiptap/starter-kit'
import { describe, expect, it } from 'vitest'
import { SECTION_NAMES } from '../../../../src/shared/case/schema'
import {
  ariaKeyShortcut,
  editorKeyName,
  SHORTCUTS,
  shortcutFor,
  shortcutLabel,
  type KeyPress,
  type Shortcut,
} from '../../../../src/renderer/src/room/keyboard/shortcuts'

/** Every key the section editors bind, read from the extensions the editors load. */
function editorBindings(): string[] {
  const kit = StarterKit.configure({ undoRedo: false })
  const context = (extension: AnyExtension): never =>
    ({ name: extension.name, options: extension.options, storage: {}, editor: {} }) as never
  const addExtensions = getExtensionField<() => AnyExtension[]>(kit, 'addExtensions', context(kit))
  const extensions = [...addExtensions(), Collaboration, Mention]
  return extensions.flatMap((extension) => {
    const shortcuts = getExtensionField<() => Record<string, unknown>>(
      extension,
      'addKeyboardShortcuts',
      context(extension),
    )
    return shortcuts ? Object.keys(shortcuts()).map((key) => key.toLowerCase()) : []
  })
}

/**
 * The window menu's keys (src/main/application-menu.ts and the accelerators of Electron's
 * roles), and its Alt access keys on Windows and Linux, as editor key names.
 */
const MENU_KEYS = [
  ...['z', 'shift-z', 'y', 'x', 'c', 'v', 'shift-v', 'a', 'r', 'shift-r', 'shift-i'],
  ...['0', '=', '-', 'm', 'w', 'q', 'h', 'alt-h', ','],
].map((key) => `mod-${key}`)
const MENU_ACCESS_KEYS = ['alt-f', 'alt-e', 'alt-v', 'alt-w', 'alt-h']

function press(overrides: Partial<KeyPress>): KeyPress {
  return {
    key: '',
    code: '',
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    inText: false,
    ...overrides,
  }
}

describe('the room shortcut table', () => {
  it('reads the editor bindings it is checked against', () => {
    // A guard for the check below: if reading them broke, it would pass on an empty list.
    expect(editorBindings()).toEqual(expect.arrayContaining(['mod-b', 'mod-i', 'mod-alt-1']))
  })

  it('has no two shortcuts on one key', () => {
    const keys = SHORTCUTS.map(editorKeyName)
    expect(new Set(keys).size).toBe(keys.length)
    const ids = SHORTCUTS.map((shortcut) => shortcut.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('takes no key the editor or the window menu uses', () => {
    const taken = new Set([...editorBindings(), ...MENU_KEYS, ...MENU_ACCESS_KEYS])
    const clashes = SHORTCUTS.map(editorKeyName).filter((key) => taken.has(key))
    expect(clashes).toEqual([])
  })

  it('goes to each section with Alt and its place in the room', () => {
    SECTION_NAMES.forEach((section, index) => {
      const found = shortcutFor(press({ code: `Digit${index + 1}`, key: '¡', altKey: true }))
      expect(found?.action).toEqual({ kind: 'section', section })
    })
    expect(shortcutFor(press({ code: 'Digit1', key: '1' }))).toBeUndefined()
    expect(shortcutFor(press({ code: 'Digit1', key: '1', altKey: true, ctrlKey: true }))).toBe(
      undefined,
    )
  })

  it('opens the sheet on ? only outside a text field, where ? is typed', () => {
    expect(shortcutFor(press({ key: '?', code: 'Slash' }))?.id).toBe('sheet')
    expect(shortcutFor(press({ key: '?', code: 'Slash', inText: true }))).toBeUndefined()
  })

  it('searches with Ctrl+K and Cmd+K, even from a text field', () => {
    expect(shortcutFor(press({ key: 'k', code: 'KeyK', ctrlKey: true, inText: true }))?.id).toBe(
      'search',
    )
    expect(shortcutFor(press({ key: 'K', code: 'KeyK', metaKey: true }))?.id).toBe('search')
  })

  it('names the keys as people read them and as screen readers announce them', () => {
    const byId = (id: string): Shortcut => {
      const found = SHORTCUTS.find((shortcut) => shortcut.id === id)
      if (!found) throw new Error(`No shortcut ${id}`)
      return found
    }
    expect(shortcutLabel(byId('section-summary'), false)).toBe('Alt+1')
    expect(shortcutLabel(byId('section-summary'), true)).toBe('Option+1')
    expect(shortcutLabel(byId('search'), false)).toBe('Ctrl+K')
    expect(shortcutLabel(byId('search'), true)).toBe('Cmd+K')
    expect(ariaKeyShortcut(byId('invite'), false)).toBe('Alt+I')
    expect(ariaKeyShortcut(byId('search'), false)).toBe('Control+K')
    expect(ariaKeyShortcut(byId('sheet'), false)).toBe('Shift+?')
  })
})
