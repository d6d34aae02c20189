/**
 * The owner's approval of the customer update. An approval names the exact text it covers by
 * its hash, so any later change to the text, from anyone, withdraws it on every screen.
 */
import type * as Y from 'yjs'
import { toHexString } from 'lib0/buffer'
import { digest } from 'lib0/hash/sha256'
import { z } from 'zod'
import { memberName } from './members'
import { MAX_NESTING, boundedXmlString, xmlDepth } from './nesting'
import { requireOwner, requireParticipant } from './permissions'
import { sectionState } from './section-state'
import { signed } from './signatures/decision-payload'
import { APPROVAL_STATES, TOP_LEVEL, type ApprovalRecord, type ApprovalState } from './schema'
import { logEvent } from './timeline'
import { readValue, type OnUnreadable } from './unreadable'

export interface ApprovalStatus extends ApprovalRecord {
  /** True only while the state is approved and the text is still the approved text. */
  valid: boolean
  /** True when the text changed after the last approval (recorded or not yet). */
  withdrawn: boolean
  /** The hash of the customer update as it is now. */
  currentHash: string
}

const optional = z.string().optional().catch(undefined)
const approvalSchema = z.object({
  state: z.enum(APPROVAL_STATES).catch('draft'),
  requestedBy: optional,
  requestedAt: optional,
  approvedBy: optional,
  approvedAt: optional,
  contentHash: optional,
  withdrawnAt: optional,
  changesNote: optional,
  signature: optional,
})

export function approvalMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TOP_LEVEL.approval)
}

/**
 * SHA-256 (hex) of the customer update's XML string, formatting included, as UTF-8. Yjs writes
 * the string recursively, so text nested past MAX_NESTING is written without recursion instead
 * (and cut there); anything the editor can write keeps the hash it always had.
 */
export function customerUpdateHash(doc: Y.Doc): string {
  const fragment = doc.getXmlFragment('customerUpdate')
  const xml = xmlDepth(fragment) <= MAX_NESTING ? fragment.toJSON() : boundedXmlString(fragment)
  return toHexString(digest(new TextEncoder().encode(xml)))
}

/** The approval as it stands; a key a peer wrote in the wrong type reads as absent (or draft). */
export function approvalStatus(doc: Y.Doc, onUnreadable?: OnUnreadable): ApprovalStatus {
  const where = { part: 'approval', key: '' } as const
  const parsed =
    readValue(approvalSchema, approvalMap(doc).toJSON(), where, onUnreadable) ??
    approvalSchema.parse({})
  const { state, ...rest } = parsed
  const defined = Object.entries(rest).filter(([, value]) => value !== undefined)
  const record: ApprovalRecord = { state, ...Object.fromEntries(defined) }
  const currentHash = customerUpdateHash(doc)
  const approved = record.state === 'approved'
  const valid = approved && record.contentHash === currentHash
  const withdrawn = (approved && !valid) || (!approved && record.withdrawnAt !== undefined)
  return { ...record, valid, withdrawn, currentHash }
}

/** A member asks the owner to review the draft. */
export function requestReview(doc: Y.Doc, actor: string, now = new Date()): void {
  requireParticipant(doc, actor, 'ask for a review of the customer update')
  requireText(doc)
  const status = approvalStatus(doc)
  if (status.valid) throw new Error('The customer update is already approved as it is.')
  if (status.state === 'review-requested') return
  const hash = status.currentHash
  doc.transact(() => {
    setState(doc, 'review-requested', { requestedBy: actor, requestedAt: now.toISOString() })
    approvalMap(doc).delete('withdrawnAt')
    approvalMap(doc).delete('changesNote')
    const text = `${memberName(doc, actor)} asked for a review of the customer update.`
    logEvent(doc, actor, 'review-requested', text, { hash }, { now })
  })
}

/** The owner sends the draft back; the note says what to change. */
export function requestChanges(doc: Y.Doc, actor: string, note = '', now = new Date()): void {
  requireOwner(doc, actor, 'ask for changes to the customer update')
  const status = approvalStatus(doc)
  if (status.state === 'draft' || status.state === 'changes-requested') {
    throw new Error('Nobody has asked for a review of the customer update.')
  }
  const said = note.trim() === '' ? '' : `: ${note.trim().slice(0, 2000)}`
  doc.transact(() => {
    setState(doc, 'changes-requested', { changesNote: note.trim().slice(0, 2000) })
    const text = `${memberName(doc, actor)} asked for changes to the customer update${said}`
    logEvent(doc, actor, 'changes-requested', said === '' ? `${text}.` : text, {}, { now })
  })
}

/**
 * The owner approves the text as it is now. `seenHash`, when given, is the hash of the text the
 * owner read: if a teammate changed it since, nothing is approved.
 */
export function approve(
  doc: Y.Doc,
  actor: string,
  seenHash?: string,
  now = new Date(),
  signature?: string,
): void {
  requireOwner(doc, actor, 'approve the customer update')
  requireText(doc)
  const hash = customerUpdateHash(doc)
  if (seenHash !== undefined && seenHash !== hash) {
    throw new Error('The customer update changed while you were reading it: read it again.')
  }
  doc.transact(() => {
    setState(doc, 'approved', {
      approvedBy: actor,
      approvedAt: now.toISOString(),
      contentHash: hash,
    })
    if (signature === undefined) approvalMap(doc).delete('signature')
    else approvalMap(doc).set('signature', signature)
    approvalMap(doc).delete('withdrawnAt')
    const text = `${memberName(doc, actor)} approved the customer update.`
    logEvent(doc, actor, 'approved', text, { hash, ...signed(signature) }, { now })
  })
}

/**
 * Records that the text changed after approval. Every client that sees a stale approval calls
 * this; the event's id comes from the approval it withdraws, so however many clients do it at
 * once the timeline shows one entry. Returns false when there was nothing to withdraw.
 */
export function recordWithdrawal(doc: Y.Doc, actor: string, now = new Date()): boolean {
  const status = approvalStatus(doc)
  if (status.state !== 'approved' || status.valid) return false
  const hash = status.contentHash ?? ''
  doc.transact(() => {
    approvalMap(doc).set('state', 'draft')
    approvalMap(doc).delete('signature')
    approvalMap(doc).set('withdrawnAt', now.toISOString())
    const text = 'The customer update changed after it was approved, so the approval was withdrawn.'
    const id = `approval-withdrawn:${hash}:${status.approvedAt ?? ''}`
    logEvent(doc, actor, 'approval-withdrawn', text, { hash }, { id, now })
  })
  return true
}

/** Starts a fresh draft after an update went out: the sent text's approval is used up. */
export function resetApproval(doc: Y.Doc): void {
  doc.transact(() => {
    for (const key of [...approvalMap(doc).keys()]) approvalMap(doc).delete(key)
    approvalMap(doc).set('state', 'draft')
  })
}

function setState(doc: Y.Doc, state: ApprovalState, values: Record<string, string>): void {
  const map = approvalMap(doc)
  map.set('state', state)
  for (const [key, value] of Object.entries(values)) map.set(key, value)
}

function requireText(doc: Y.Doc): void {
  if (sectionState(doc.getXmlFragment('customerUpdate')) !== 'present') {
    throw new Error('The customer update has no text yet: write it first.')
  }
}
