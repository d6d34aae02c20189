/** The case status: triage → swarming → resolved → reviewed, every change in the timeline. */
import type * as Y from 'yjs'
import { readMeta } from './case-doc'
import { memberName } from './members'
import { requireRole } from './permissions'
import { CASE_STATUSES, CASE_STATUS_NAMES, TOP_LEVEL, type CaseStatus } from './schema'
import { logEvent } from './timeline'

/**
 * The owner or a lead moves the case along. `reviewed` is reached only by a lead's sign-off.
 * Returns false when the case already had that status.
 */
export function setStatus(
  doc: Y.Doc,
  actor: string,
  status: CaseStatus,
  now = new Date(),
): boolean {
  requireRole(doc, actor, ['owner', 'lead'], 'change the status of the case')
  if (!(CASE_STATUSES as readonly string[]).includes(status)) {
    throw new Error(`"${status}" is not a case status.`)
  }
  if (status === 'reviewed') {
    throw new Error('A case becomes reviewed only when a lead signs the review off.')
  }
  return writeStatus(doc, actor, status, now)
}

/** Sets the status and logs `status-changed`; the caller has checked that it may. */
export function writeStatus(doc: Y.Doc, actor: string, to: CaseStatus, now: Date): boolean {
  const from = readMeta(doc).status
  if (from === to) return false
  doc.transact(() => {
    doc.getMap(TOP_LEVEL.meta).set('status', to)
    const text = `${memberName(doc, actor)} moved the case from ${CASE_STATUS_NAMES[from]} to ${CASE_STATUS_NAMES[to]}.`
    logEvent(doc, actor, 'status-changed', text, { from, to }, { now })
  })
  return true
}
