/**
 * Complete handoffs and escalations: both go ahead only when the case says what the next
 * person needs, or when the member acting acknowledges the gaps, which are logged with it.
 */
import type * as Y from 'yjs'
import { signed } from './signatures/decision-payload'
import { checkEscalation, checkHandoff, gapsOf, type CompletenessCheck } from './completeness'
import { memberName, readMember } from './members'
import { requireOwner, requireParticipant } from './permissions'
import { caseCoreBlocks } from './documents/case-note'
import { noteToMarkdown, type NoteBlock } from './documents/note-blocks'
import { isPersonActionKind } from './schema'
import { listActions, logEvent } from './timeline'

export interface HandoffOptions {
  /** A member id, or the team or queue the case goes to. */
  to: string
  acknowledgeGaps: boolean
  now?: Date
  signature?: string
}

export interface EscalationOptions {
  acknowledgeGaps: boolean
  now?: Date
  signature?: string
}

export interface HandoffResult {
  eventId: string
  gaps: string[]
}

/** The owner hands the case off; refused while incomplete unless the gaps are acknowledged. */
export function handOff(doc: Y.Doc, actor: string, options: HandoffOptions): HandoffResult {
  requireOwner(doc, actor, 'hand the case off')
  const to = options.to.trim()
  if (to === '') throw new Error('Say who the case goes to.')
  if (to === actor) throw new Error('You cannot hand the case off to yourself.')
  const gaps = requireComplete(checkHandoff(doc), 'hand off', options.acknowledgeGaps)
  const recipient = readMember(doc, to)?.name ?? to
  const text = `${memberName(doc, actor)} handed the case off to ${recipient}${gapsNote(gaps)}.`
  const data = { to, gaps, ...signed(options.signature) }
  const eventId = logEvent(doc, actor, 'handoff', text, data, { now: options.now })
  return { eventId, gaps }
}

/** Any member but an observer escalates; refused while incomplete unless acknowledged. */
export function escalate(doc: Y.Doc, actor: string, options: EscalationOptions): HandoffResult {
  requireParticipant(doc, actor, 'escalate the case')
  const gaps = requireComplete(checkEscalation(doc), 'escalate', options.acknowledgeGaps)
  const text = `${memberName(doc, actor)} escalated the case${gapsNote(gaps)}.`
  const data = { gaps, ...signed(options.signature) }
  const eventId = logEvent(doc, actor, 'escalation', text, data, { now: options.now })
  return { eventId, gaps }
}

/** A one-page Markdown note for whoever takes the case over. */
export function handoffNote(doc: Y.Doc): string {
  return noteToMarkdown(handoffNoteBlocks(doc))
}

/** The handoff note's blocks, for a preview rendered from the same content as the Markdown. */
export function handoffNoteBlocks(doc: Y.Doc): NoteBlock[] {
  const entries = listActions(doc).filter((entry) => isPersonActionKind(entry.kind))
  const gaps = gapsOf(checkHandoff(doc))
  return [
    ...caseCoreBlocks(doc, 'Handoff', entries),
    { kind: 'heading', level: 2, text: 'Gaps' },
    gaps.length === 0
      ? { kind: 'paragraph', text: 'None: the case holds everything a handoff needs.' }
      : { kind: 'list', items: gaps },
  ]
}

function requireComplete(check: CompletenessCheck, verb: string, acknowledged: boolean): string[] {
  const gaps = gapsOf(check)
  if (gaps.length > 0 && !acknowledged) {
    throw new Error(
      `The case is not ready to ${verb}: ${gaps.join(' ')} Fill these in, or go ahead and ` +
        'acknowledge the gaps.',
    )
  }
  return gaps
}

function gapsNote(gaps: readonly string[]): string {
  return gaps.length === 0
    ? ''
    : `, acknowledging ${gaps.length === 1 ? 'one gap' : `${gaps.length} gaps`}`
}
