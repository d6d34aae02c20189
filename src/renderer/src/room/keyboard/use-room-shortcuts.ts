import { useEffect, useRef } from 'react'
import type { SectionName } from '@shared/case/schema'
import { shortcutFor, type Shortcut } from './shortcuts'

export interface RoomShortcutHandlers {
  onSection: (section: SectionName) => void
  onSearch: () => void
  onSheet: () => void
}

/** Frames to wait for the timeline's field after opening its tab. */
const FRAMES = 30

/** Listens for the room's shortcuts (see shortcuts.ts) while the room is on screen. */
export function useRoomShortcuts(handlers: RoomShortcutHandlers): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      // A modal dialog owns the keyboard until it closes.
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return
      const shortcut = shortcutFor({
        key: event.key,
        code: event.code,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        inText: inText(),
      })
      if (!shortcut) return
      event.preventDefault()
      run(shortcut, latest.current)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

function run(shortcut: Shortcut, handlers: RoomShortcutHandlers): void {
  const { action } = shortcut
  if (action.kind === 'section') handlers.onSection(action.section)
  else if (action.kind === 'search') handlers.onSearch()
  else if (action.kind === 'sheet') handlers.onSheet()
  else if (action.kind === 'timeline') focusTimelineField()
  else document.querySelector<HTMLElement>(`[data-shortcut="${shortcut.id}"]`)?.click()
}

/** The new-entry field, after bringing the timeline's tab forward when another panel shows. */
function focusTimelineField(framesLeft = FRAMES): void {
  const field = document.querySelector<HTMLElement>('[data-shortcut-target="timeline"]')
  if (field) {
    field.scrollIntoView({ block: 'nearest' })
    field.focus()
    return
  }
  if (framesLeft === FRAMES) document.querySelector<HTMLElement>('#tab-timeline')?.click()
  if (framesLeft > 0) requestAnimationFrame(() => focusTimelineField(framesLeft - 1))
}

function inText(): boolean {
  const element = document.activeElement
  if (!(element instanceof HTMLElement)) return false
  if (element.isContentEditable || element instanceof HTMLTextAreaElement) return true
  if (element instanceof HTMLSelectElement) return true
  return (
    element instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(element.type)
  )
}
