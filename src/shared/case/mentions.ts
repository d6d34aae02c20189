/**
 * `@Name` mentions in sections and timeline entries, for notifications. Names may contain
 * spaces, so at each `@` the longest member name that follows (ignoring case) wins.
 */
import type * as Y from 'yjs'
import { section } from './case-doc'
import { mentionedMemberId, mentionNodes } from './mention-node'
import { readMembers } from './members'
import { fragmentToPlainText } from './rich-text'
import { SECTION_NAMES, type ActionEntry, type CaseMember, type SectionName } from './schema'
import { listActions } from './timeline'

export interface NamedMember {
  memberId: string
  name: string
}

export type MentionPlace =
  { kind: 'section'; section: SectionName } | { kind: 'action'; id: string }

export interface MentionAt {
  memberId: string
  /** Where the `@` is in the text. */
  at: number
}

/** Ids of the members mentioned in the text, in order of first mention. */
export function findMentions(
  text: string,
  members: readonly NamedMember[] | ReadonlyMap<string, CaseMember>,
): string[] {
  const found: string[] = []
  for (const { memberId } of findMentionsAt(text, members)) {
    if (!found.includes(memberId)) found.push(memberId)
  }
  return found
}

/** Every mention in the text with the offset of its `@`, in order; a member may recur. */
export function findMentionsAt(
  text: string,
  members: readonly NamedMember[] | ReadonlyMap<string, CaseMember>,
): MentionAt[] {
  const named: readonly NamedMember[] =
    members instanceof Map
      ? [...members].map(([memberId, member]) => ({ memberId, name: member.name }))
      : (members as readonly NamedMember[])
  const candidates = named
    .map((member) => ({ memberId: member.memberId, name: member.name.trim() }))
    .filter((member) => member.name !== '')
    .map((member) => ({ ...member, lower: member.name.toLowerCase() }))
    .sort((a, b) => b.name.length - a.name.length)
  const found: MentionAt[] = []
  // Offsets are taken in the original text: lower-casing can change a string's length.
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    // An @ inside a word is an e-mail address, not a mention.
    if (at > 0 && /[\p{L}\p{N}_.]/u.test(text[at - 1] ?? '')) continue
    const match = candidates.find(({ name, lower }) => {
      const next = text[at + 1 + name.length] ?? ''
      return (
        text.slice(at + 1, at + 1 + name.length).toLowerCase() === lower &&
        !/[\p{L}\p{N}_]/u.test(next)
      )
    })
    if (match) found.push({ memberId: match.memberId, at })
  }
  return found
}

/** Where in the case the member is mentioned: sections by name, timeline entries by id. */
export function mentionsOf(doc: Y.Doc, memberId: string): MentionPlace[] {
  const members = readMembers(doc)
  const mentions = (text: string): boolean => findMentions(text, members).includes(memberId)
  const places: MentionPlace[] = []
  for (const name of SECTION_NAMES) {
    const fragment = section(doc, name)
    const picked = mentionNodes(fragment).some((node) => mentionedMemberId(node) === memberId)
    if (picked || mentions(fragmentToPlainText(fragment)))
      places.push({ kind: 'section', section: name })
  }
  for (const entry of listActions(doc)) {
    if (entryMentions(entry, members).includes(memberId)) {
      places.push({ kind: 'action', id: entry.id })
    }
  }
  return places
}

/**
 * Ids of the members a timeline entry mentions: those picked with @ (kept with the entry) and
 * those whose name follows an @ in its text or outcome (entries from before the picker).
 */
export function entryMentions(
  entry: Pick<ActionEntry, 'text' | 'outcome' | 'mentions'>,
  members: ReadonlyMap<string, CaseMember>,
): string[] {
  const found = findMentions(`${entry.text}\n${entry.outcome}`, members)
  for (const { memberId } of entry.mentions ?? []) {
    if (!found.includes(memberId)) found.push(memberId)
  }
  return found
}
