/**
 * Brings a place of the open case into view and puts the keyboard there: a section's editor,
 * or a timeline entry (when the timeline is the sidebar's open panel).
 */
import { parsePlace } from '@shared/case/case-place'
import { requestEntryReveal } from './timeline/entry-reveal'
import './show-place.css'

/** Tries for about half a second: a case that just opened mounts its editors a frame or two later. */
export function showPlace(place: string, framesLeft = 30): void {
  const target = parsePlace(place)
  if (!target) return
  const selector =
    target.kind === 'section'
      ? `[data-section="${target.section}"]`
      : `[data-action-id="${CSS.escape(target.id)}"]`
  const element = document.querySelector<HTMLElement>(selector)
  if (!element) {
    // The timeline shows only the entries near its visible part: it scrolls to this one.
    if (target.kind !== 'section') requestEntryReveal(target.id)
    if (framesLeft > 0) requestAnimationFrame(() => showPlace(place, framesLeft - 1))
    return
  }
  element.scrollIntoView({ block: 'center' })
  element.focus({ preventScroll: true })
  // A short highlight says where the notification or search result led.
  const framed = target.kind === 'section' ? element.closest('section') : element
  framed?.classList.add('place-shown')
  setTimeout(() => framed?.classList.remove('place-shown'), 2000)
}
