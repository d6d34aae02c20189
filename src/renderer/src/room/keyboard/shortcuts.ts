/**
 * Every keyboard shortcut of the case room, in one table: the room's key handler, the buttons'
 * `aria-keyshortcuts` and the shortcut sheet all read it, so what the sheet says is what works.
 *
 * Chosen to stay clear of the editor's own bindings (Ctrl+B/I/U, Ctrl+Alt+1…6 for headings,
 * Ctrl+Shift+7/8 for lists, Ctrl+Z/Y) and of the window menu's Alt+F/E/V/W/H access keys.
 * Alt shortcuts are matched by the physical key (`event.code`): on macOS Option+1 types "¡".
 */
import { SECTION_NAMES, SECTION_TITLES, type SectionName } from '@shared/case/schema'

export type ShortcutAction =
  | { kind: 'section'; section: SectionName }
  | { kind: 'timeline' }
  /** Clicks the button marked `data-shortcut="<id>"`. */
  | { kind: 'click' }
  | { kind: 'search' }
  | { kind: 'sheet' }

export interface Shortcut {
  id: string
  /** What the sheet says it does. */
  label: string
  /** The key, as `event.code` for Alt shortcuts or `event.key` otherwise. */
  key: string
  alt?: boolean
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  mod?: boolean
  /** Only when the keyboard is not in a text field: the key types a character there. */
  outsideText?: boolean
  action: ShortcutAction
}

const sectionShortcuts: Shortcut[] = SECTION_NAMES.map((section, index) => ({
  id: `section-${section}`,
  label: `Go to ${SECTION_TITLES[section]}`,
  key: `Digit${index + 1}`,
  alt: true,
  action: { kind: 'section', section },
}))

export const SHORTCUTS: readonly Shortcut[] = [
  ...sectionShortcuts,
  {
    id: 'timeline',
    label: 'Write in the timeline ("What happened")',
    key: 'KeyT',
    alt: true,
    action: { kind: 'timeline' },
  },
  { id: 'invite', label: 'Invite a teammate', key: 'KeyI', alt: true, action: { kind: 'click' } },
  {
    id: 'export',
    label: 'Export to the ticket',
    key: 'KeyX',
    alt: true,
    action: { kind: 'click' },
  },
  {
    id: 'review',
    label: 'Enter or leave review',
    key: 'KeyR',
    alt: true,
    action: { kind: 'click' },
  },
  { id: 'search', label: 'Search all cases', key: 'k', mod: true, action: { kind: 'search' } },
  {
    id: 'sheet',
    label: 'Show these shortcuts',
    key: '?',
    outsideText: true,
    action: { kind: 'sheet' },
  },
]

/** Shortcuts that are not the room's but are worth knowing, shown on the sheet too. */
export const OTHER_KEYS: readonly { label: string; keys: string }[] = [
  { label: 'Add the timeline entry', keys: 'Ctrl+Enter' },
  { label: 'Mention a teammate', keys: '@' },
  { label: 'Move between the formatting buttons', keys: '← →' },
]

/** True on macOS, where the sheet says Cmd and Option instead of Ctrl and Alt. */
export function isMac(platform: string = browserPlatform()): boolean {
  return /mac/i.test(platform)
}

function browserPlatform(): string {
  // Read through globalThis: the unit tests run this file in Node, which has no navigator type.
  const browser = globalThis as { navigator?: { platform?: string } }
  return browser.navigator?.platform ?? ''
}

/** The shortcut as a person reads it: `Alt+1`, `Ctrl+K`, `?` (`Option+1`, `Cmd+K` on a Mac). */
export function shortcutLabel(shortcut: Shortcut, mac: boolean = isMac()): string {
  const key = shortcut.key.replace(/^Digit|^Key/, '').toUpperCase()
  const parts = [
    ...(shortcut.mod ? [mac ? 'Cmd' : 'Ctrl'] : []),
    ...(shortcut.alt ? [mac ? 'Option' : 'Alt'] : []),
    key,
  ]
  return parts.join('+')
}

/** The shortcut in `aria-keyshortcuts` form (`Alt+1`, `Control+K`, `Shift+?`). */
export function ariaKeyShortcut(shortcut: Shortcut, mac: boolean = isMac()): string {
  const key = shortcut.key.replace(/^Digit|^Key/, '').toUpperCase()
  if (shortcut.mod) return `${mac ? 'Meta' : 'Control'}+${key}`
  return shortcut.alt ? `Alt+${key}` : key === '?' ? 'Shift+?' : key
}

export interface KeyPress {
  key: string
  code: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  /** Whether the keyboard is in a text field, where plain keys type. */
  inText: boolean
}

/** The shortcut a key press means, or undefined. */
export function shortcutFor(press: KeyPress): Shortcut | undefined {
  const mod = press.ctrlKey || press.metaKey
  return SHORTCUTS.find((shortcut) => {
    if (shortcut.outsideText && press.inText) return false
    if (Boolean(shortcut.mod) !== mod || Boolean(shortcut.alt) !== press.altKey) return false
    return shortcut.alt ? press.code === shortcut.key : press.key.toLowerCase() === shortcut.key
  })
}

/** The shortcut as ProseMirror names keys (`Alt-1`, `Mod-k`), to compare with the editor's. */
export function editorKeyName(shortcut: Shortcut): string {
  const key = shortcut.key.replace(/^Digit|^Key/, '')
  return [
    ...(shortcut.mod ? ['Mod'] : []),
    ...(shortcut.alt ? ['Alt'] : []),
    key.toLowerCase(),
  ].join('-')
}
