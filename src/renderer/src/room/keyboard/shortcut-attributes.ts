import { ariaKeyShortcut, SHORTCUTS } from './shortcuts'

/**
 * What a button reached by a shortcut carries: the mark the key handler clicks, and the key
 * announced by screen readers.
 */
export function shortcutAttributes(id: string): {
  'data-shortcut': string
  'aria-keyshortcuts'?: string
} {
  const shortcut = SHORTCUTS.find((candidate) => candidate.id === id)
  return {
    'data-shortcut': id,
    ...(shortcut ? { 'aria-keyshortcuts': ariaKeyShortcut(shortcut) } : {}),
  }
}
