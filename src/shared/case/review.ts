/**
 * The lead's review after the case: comments anchored to text in a section (Y.RelativePosition,
 * so they follow the text as it is edited) and the sign-off that marks the case reviewed.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { readMeta, section } from './case-doc'
import { signed } from './signatures/decision-payload'
import { memberName } from './members'
import { isOwner, requireParticipant, requireRole } from './permissions'
import { textOf } from './rich-text'
import { sectionState } from './section-state'
import { SECTION_NAMES, TOP_LEVEL, type ReviewComment, type SectionName } from './schema'
import { writeStatus } from './status'
import { logEvent } from './timeline'
import { readValue, type OnUnreadable } from './unreadable'

export interface ReviewCommentInput {
  section: SectionName
  start: Record<string, unknown>
  end: Record<string, unknown>
  quote: string
  text: string
}

const position = z.record(z.string(), z.unknown())
const commentSchema = z.object({
  id: z.string(),
  section: z.enum(SECTION_NAMES),
  start: position,
  end: position,
  quote: z.string().catch(''),
  text: z.string().catch(''),
  by: z.string().catch(''),
  at: z.string().catch(''),
  resolved: z.boolean().catch(false),
})

export function reviewMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TOP_LEVEL.review)
}

export function reviewCommentsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(TOP_LEVEL.reviewComments)
}

/** Anchors for the text from `from` to `to` (plain-text offsets) in one text node. */
export function anchorsInText(
  text: Y.XmlText,
  from: number,
  to: number,
): { start: Record<string, unknown>; end: Record<string, unknown> } {
  const toJson = (index: number, assoc: number): Record<string, unknown> =>
    Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index, assoc))
  return { start: toJson(from, 0), end: toJson(to, -1) }
}

export function addReviewComment(
  doc: Y.Doc,
  actor: string,
  input: ReviewCommentInput,
  now = new Date(),
): string {
  requireParticipant(doc, actor, 'comment on the case')
  const anchored = commentSchema.pick({ section: true, start: true, end: true }).safeParse(input)
  if (!anchored.success) throw new Error('That comment does not point at text in a section.')
  const checked = anchored.data
  const text = input.text.trim()
  if (text === '') throw new Error('Write the comment before adding it.')
  if (text.length > 5000) throw new Error('Keep a comment under 5,000 characters.')
  for (const anchor of [checked.start, checked.end]) {
    if (!anchorsInSection(doc, checked.section, anchor)) {
      throw new Error('The commented text is not in that section any more.')
    }
  }
  const id = globalThis.crypto.randomUUID()
  const entry = new Y.Map<unknown>()
  const values = { ...checked, id, quote: input.quote.slice(0, 500), text, by: actor }
  for (const [key, value] of Object.entries(values)) entry.set(key, value)
  entry.set('at', now.toISOString())
  entry.set('resolved', false)
  reviewCommentsArray(doc).push([entry])
  return id
}

/** The author, the owner or a lead marks a comment as dealt with. */
export function resolveReviewComment(doc: Y.Doc, actor: string, id: string): void {
  const member = requireParticipant(doc, actor, 'resolve comments')
  const entry = reviewCommentsArray(doc)
    .toArray()
    .find((item) => item instanceof Y.Map && item.get('id') === id)
  if (!entry) throw new Error('That comment no longer exists.')
  if (entry.get('by') !== actor && !isOwner(doc, actor) && member.role !== 'lead') {
    throw new Error('Only the author of a comment, the case owner or a lead can resolve it.')
  }
  entry.set('resolved', true)
}

/** Review comments, of one section or all; what is not a comment is skipped. */
export function listReviewComments(
  doc: Y.Doc,
  sectionName?: SectionName,
  onUnreadable?: OnUnreadable,
): ReviewComment[] {
  return reviewCommentsArray(doc)
    .toArray()
    .flatMap((item: unknown, index) => {
      const where = { part: 'reviewComments', key: String(index) } as const
      if (!(item instanceof Y.Map)) {
        onUnreadable?.(where)
        return []
      }
      const comment = readValue(commentSchema, item.toJSON(), where, onUnreadable)
      if (!comment) return []
      return sectionName && comment.section !== sectionName ? [] : [comment]
    })
}

/** The text a comment covers now, or null when its start and end are no longer in one node. */
export function commentedText(doc: Y.Doc, comment: ReviewComment): string | null {
  const start = absolute(doc, comment.start)
  const end = absolute(doc, comment.end)
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return null
  return textOf(start.type).slice(start.index, end.index)
}

/** A lead signs the review of a resolved case off: the case becomes reviewed. */
export function signOff(doc: Y.Doc, actor: string, now = new Date(), signature?: string): void {
  requireRole(doc, actor, ['lead'], 'sign the review off')
  if (readMeta(doc).status !== 'resolved') {
    throw new Error('Sign the review off once the case is resolved.')
  }
  doc.transact(() => {
    reviewMap(doc).set('signedOffBy', actor)
    reviewMap(doc).set('signedOffAt', now.toISOString())
    if (signature === undefined) reviewMap(doc).delete('signature')
    else reviewMap(doc).set('signature', signature)
    // Said in the timeline, so a review signed off without lessons learned is visible.
    const withoutNotes = sectionState(section(doc, 'postIncident')) === 'missing'
    const text = withoutNotes
      ? `${memberName(doc, actor)} signed the review off without post-incident notes.`
      : `${memberName(doc, actor)} signed the review off.`
    logEvent(doc, actor, 'signed-off', text, { ...signed(signature) }, { now })
    writeStatus(doc, actor, 'reviewed', now)
  })
}

export function readSignOff(doc: Y.Doc): { by: string; at: string } | null {
  const by = reviewMap(doc).get('signedOffBy')
  const at = reviewMap(doc).get('signedOffAt')
  return typeof by === 'string' && typeof at === 'string' ? { by, at } : null
}

function absolute(doc: Y.Doc, json: Record<string, unknown>): Y.AbsolutePosition | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc)
  } catch {
    return null
  }
}

function anchorsInSection(doc: Y.Doc, name: SectionName, json: Record<string, unknown>): boolean {
  const fragment = section(doc, name)
  let type: Y.AbstractType<unknown> | null = absolute(doc, json)?.type ?? null
  while (type && type !== fragment) type = type.parent
  return type === fragment
}
