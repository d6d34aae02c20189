/**
 * A place in a case that the app can show: a section, or an entry of the timeline. It travels
 * as a string (`section:summary`, `action:<entry id>`) in `app:openCase` and search results.
 */
import type { MentionPlace } from './mentions'
import { SECTION_NAMES, type SectionName } from './schema'

export type CasePlace = MentionPlace

export function placeToString(place: CasePlace): string {
  return place.kind === 'section' ? `section:${place.section}` : `action:${place.id}`
}

/** The place a string names, or null for anything else (an old or hand-made link). */
export function parsePlace(text: string | undefined): CasePlace | null {
  if (text === undefined) return null
  const separator = text.indexOf(':')
  const kind = text.slice(0, separator)
  const rest = text.slice(separator + 1)
  if (separator < 0 || rest === '') return null
  if (kind === 'section') {
    return (SECTION_NAMES as readonly string[]).includes(rest)
      ? { kind: 'section', section: rest as SectionName }
      : null
  }
  return kind === 'action' ? { kind: 'action', id: rest } : null
}
