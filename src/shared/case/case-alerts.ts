/**
 * What in a case deserves a desktop notification for one member: being @mentioned in a section
 * or a timeline entry, a review of the customer update requested (the owner is told), that
 * update approved or its approval withdrawn (the member who asked for the review is told), and
 * ownership of the case offered or the case handed off to them.
 * Nothing a member did themselves is an alert for them.
 *
 * Each alert has a key that is the same on every teammate's copy and in every session: a
 * mention in a section is keyed by the Yjs id of its `@` character (or of the mention node,
 * for a member picked from the list), so editing the words around it does not make it new,
 * while deleting it and typing it again does.
 */
import * as Y from 'yjs'
import { authorOfClient, UNKNOWN_AUTHOR } from './authorship'
import { section } from './case-doc'
import type { CasePlace } from './case-place'
import { mentionedMemberId, mentionNodes, mentionText } from './mention-node'
import { entryMentions, findMentionsAt } from './mentions'
import { memberName, readMembers } from './members'
import { ownerIdOf } from './permissions'
import { blockText, textNodes, textOf } from './rich-text'
import {
  SECTION_NAMES,
  SECTION_TITLES,
  type ActionEntry,
  type CaseMember,
  type SectionName,
} from './schema'
import { listActions } from './timeline'

export type CaseAlertKind =
  | 'mention'
  | 'review-requested'
  | 'approved'
  | 'approval-withdrawn'
  | 'ownership-offered'
  | 'handoff'

export interface CaseAlert {
  key: string
  kind: CaseAlertKind
  /** The member who wrote the mention or logged the event (`unknown` when nobody is mapped). */
  by: string
  /** What the notification says, e.g. `Dana Whitfield mentioned you in Case summary`. */
  title: string
  /** The words around the mention, or the event's text. */
  body: string
  place: CasePlace
}

/** Characters of context on each side of a mention in a notification. */
const CONTEXT = 60

/** Everything in the case, as it is now, that would notify `memberId`. */
export function alertsFor(doc: Y.Doc, memberId: string): CaseAlert[] {
  const members = readMembers(doc)
  if (!members.has(memberId)) return []
  return [
    ...sectionMentions(doc, memberId, members),
    ...listActions(doc).flatMap((entry, index, entries) => {
      const found = entryMention(doc, memberId, members, entry)
      const event = eventAlert(doc, memberId, entries, index)
      return [...(found ? [found] : []), ...(event ? [event] : [])]
    }),
  ]
}

/**
 * Follows one case for one member: what is there when it starts is known already, and each
 * later alert is reported once. A case's saved history was seen when it arrived, so starting
 * from it does not repeat old alerts after a restart.
 */
export class AlertWatch {
  private readonly seen: Set<string>

  constructor(
    private readonly doc: Y.Doc,
    private readonly memberId: string,
  ) {
    this.seen = new Set(alertsFor(doc, memberId).map((alert) => alert.key))
  }

  /** Alerts that appeared since the watch started or last reported. */
  takeNew(): CaseAlert[] {
    const fresh = alertsFor(this.doc, this.memberId).filter((alert) => !this.seen.has(alert.key))
    for (const alert of fresh) this.seen.add(alert.key)
    return fresh
  }
}

export interface DesktopNotice {
  title: string
  body: string
  place: CasePlace
}

/** More alerts at once than this become one notification, e.g. on joining a busy case. */
export const MAX_SEPARATE_NOTICES = 3

/** The notifications to show for alerts that arrived together in the case titled `caseTitle`. */
export function noticesForAlerts(alerts: readonly CaseAlert[], caseTitle: string): DesktopNotice[] {
  const first = alerts[0]
  if (!first) return []
  if (alerts.length > MAX_SEPARATE_NOTICES) {
    return [
      {
        title: `${alerts.length} things need you in "${caseTitle}"`,
        body: alerts
          .slice(0, MAX_SEPARATE_NOTICES)
          .map((alert) => alert.title)
          .join('\n'),
        place: first.place,
      },
    ]
  }
  return alerts.map((alert) => ({
    title: `${alert.title} ("${caseTitle}")`,
    body: alert.body,
    place: alert.place,
  }))
}

function sectionMentions(
  doc: Y.Doc,
  memberId: string,
  members: ReadonlyMap<string, CaseMember>,
): CaseAlert[] {
  const alerts: CaseAlert[] = []
  for (const name of SECTION_NAMES) {
    for (const node of textNodes(section(doc, name))) {
      const text = textOf(node)
      for (const mention of findMentionsAt(text, members)) {
        if (mention.memberId !== memberId) continue
        // The item holding the `@`: its id names this mention on every copy of the case.
        const id = Y.createRelativePositionFromTypeIndex(node, mention.at, 0).item
        if (!id) continue
        const by = authorOfClient(doc, id.client)
        if (by === memberId) continue
        alerts.push({
          key: `mention:${id.client}:${id.clock}`,
          kind: 'mention',
          by,
          title: `${writer(doc, by)} mentioned you in ${SECTION_TITLES[name]}`,
          body: around(text, mention.at),
          place: { kind: 'section', section: name },
        })
      }
    }
    alerts.push(...pickedMentions(doc, memberId, name))
  }
  return alerts
}

/** Mentions of `memberId` picked from the member list in one section: nodes, not text. */
function pickedMentions(doc: Y.Doc, memberId: string, name: SectionName): CaseAlert[] {
  return mentionNodes(section(doc, name)).flatMap((node): CaseAlert[] => {
    const id = node._item?.id
    if (!id || mentionedMemberId(node) !== memberId) return []
    const by = authorOfClient(doc, id.client)
    if (by === memberId) return []
    // The words around it: the text of the paragraph (or other block) that holds it.
    const block = node.parent
    const text = block instanceof Y.XmlElement ? blockText(block) : mentionText(node)
    return [
      {
        key: `mention:${id.client}:${id.clock}`,
        kind: 'mention',
        by,
        title: `${writer(doc, by)} mentioned you in ${SECTION_TITLES[name]}`,
        body: around(text, Math.max(0, text.indexOf(mentionText(node)))),
        place: { kind: 'section', section: name },
      },
    ]
  })
}

function entryMention(
  doc: Y.Doc,
  memberId: string,
  members: ReadonlyMap<string, CaseMember>,
  entry: ActionEntry,
): CaseAlert | null {
  if (entry.author === memberId) return null
  const text = entry.outcome === '' ? entry.text : `${entry.text} (${entry.outcome})`
  if (!entryMentions(entry, members).includes(memberId)) return null
  return {
    key: `mention:action:${entry.id}`,
    kind: 'mention',
    by: entry.author,
    title: `${writer(doc, entry.author)} mentioned you in the timeline`,
    body: text.length > CONTEXT * 2 ? `${text.slice(0, CONTEXT * 2)}…` : text,
    place: { kind: 'action', id: entry.id },
  }
}

function eventAlert(
  doc: Y.Doc,
  memberId: string,
  entries: readonly ActionEntry[],
  index: number,
): CaseAlert | null {
  const entry = entries[index]
  if (!entry || entry.author === memberId) return null
  const place: CasePlace = { kind: 'section', section: 'customerUpdate' }
  const alert = { key: `event:${entry.id}`, by: entry.author, body: entry.text, place }
  const to = typeof entry.data?.['to'] === 'string' ? entry.data['to'] : undefined
  if (entry.kind === 'ownership-offered' || entry.kind === 'handoff') {
    if (to !== memberId) return null
    const title =
      entry.kind === 'handoff'
        ? `${writer(doc, entry.author)} handed the case off to you`
        : `${writer(doc, entry.author)} offered you ownership of the case`
    return { ...alert, kind: entry.kind, title, place: { kind: 'action', id: entry.id } }
  }
  if (entry.kind === 'review-requested') {
    if (ownerIdOf(doc) !== memberId) return null
    const title = `${writer(doc, entry.author)} asked you to review the customer update`
    return { ...alert, kind: 'review-requested', title }
  }
  if (entry.kind !== 'approved' && entry.kind !== 'approval-withdrawn') return null
  // The member who asked for the review this approval answers: the latest request before it.
  const request = entries.slice(0, index).findLast((earlier) => earlier.kind === 'review-requested')
  if (request?.author !== memberId) return null
  if (entry.kind === 'approved') {
    const title = `${writer(doc, entry.author)} approved the customer update`
    return { ...alert, kind: 'approved', title }
  }
  const title = 'The approval of the customer update was withdrawn'
  return { ...alert, kind: 'approval-withdrawn', title }
}

function writer(doc: Y.Doc, memberId: string): string {
  return memberId === UNKNOWN_AUTHOR ? 'A teammate' : memberName(doc, memberId)
}

function around(text: string, at: number): string {
  const start = Math.max(0, at - CONTEXT)
  const end = Math.min(text.length, at + CONTEXT)
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
}
