/**
 * `@Name` mentions in sections and timeline entries, for notifications. Names may contain
 * spaces, so at each `@` the longest member name that follows (ignoring case) wins.
 */
import type * as Y from 'yjs'
import { section } from './case-doc'
import { readMembers } from './members'
import { fragmentToPlainText } from './rich-text'
import { SECTION_NAMES, type CaseMember, type SectionName } from './schema'
import { listActions } from './timeline'

export interface NamedMember {
  memberId: string
  name: string
}

export type MentionPlace =
  { kind: 'section'; section: SectionName } | { kind: 'action'; id: string }

/** Ids of the members mentioned in the text, in order of first mention. */
export function findMentions(
  text: string,
  members: readonly NamedMember[] | ReadonlyMap<string, CaseMember>,
): string[] {
  const named: readonly NamedMember[] =
    members instanceof Map
      ? [...members].map(([memberId, member]) => ({ memberId, name: member.name }))
      : (members as readonly NamedMember[])
  const candidates = named
    .filter((member) => member.name.trim() !== '')
    .map((member) => ({ ...member, lower: member.name.trim().toLowerCase() }))
    .sort((a, b) => b.lower.length - a.lower.length)
  const lowerText = text.toLowerCase()
  const found: string[] = []
  for (let at = lowerText.indexOf('@'); at >= 0; at = lowerText.indexOf('@', at + 1)) {
    // An @ inside a word is an e-mail address, not a mention.
    if (at > 0 && /[\p{L}\p{N}_.]/u.test(lowerText[at - 1] ?? '')) continue
    const match = candidates.find(({ lower }) => {
      const next = lowerText[at + 1 + lower.length] ?? ''
      return lowerText.startsWith(lower, at + 1) && !/[\p{L}\p{N}_]/u.test(next)
    })
    if (match && !found.includes(match.memberId)) found.push(match.memberId)
  }
  return found
}

/** Where in the case the member is mentioned: sections by name, timeline entries by id. */
export function mentionsOf(doc: Y.Doc, memberId: string): MentionPlace[] {
  const members = readMembers(doc)
  const mentions = (text: string): boolean => findMentions(text, members).includes(memberId)
  const places: MentionPlace[] = []
  for (const name of SECTION_NAMES) {
    if (mentions(fragmentToPlainText(section(doc, name))))
      places.push({ kind: 'section', section: name })
  }
  for (const entry of listActions(doc)) {
    if (mentions(`${entry.text}\n${entry.outcome}`)) places.push({ kind: 'action', id: entry.id })
  }
  return places
}
