/**
 * What must hold before a reply goes to a customer: there is a reply, it is approved (or the
 * owner overrides) by an approval that verifies, it was not posted already, and the ticket did
 * not change unseen since the case last read it.
 */
import type * as Y from 'yjs'
import { readMeta } from '@shared/case/case-doc'
import { formatTime } from '@shared/case/documents/note-blocks'
import { listExports } from '@shared/case/exports'
import { memberName } from '@shared/case/members'
import type { CaseTrust } from '@shared/case/signatures/case-trust'
import { readTicketSeen, ticketFingerprint } from '@shared/case/ticket-seen'
import type { SendResult } from '@shared/channels/export'
import { CONNECTOR_NAMES } from '@shared/help-desk-connections'
import { AppError } from '@shared/result'
import { HELP_DESK_NAMES, type TicketReference } from '@shared/case/schema'
import type { ConfirmedTickets } from '../cases/confirmed-tickets'
import { HelpDeskError, type Connector } from './connectors/connector'
import type { ExportContent } from './export-content'
import { readTicket, seenFrom, ticketChanges, type TicketReading } from './ticket-check'

/** The `ticketToken` that goes ahead although the ticket could not be read to check it. */
const UNREADABLE = 'unreadable'

const APPROVAL_WORDS = {
  draft: 'is still a draft that nobody approved',
  'review-requested': 'is waiting for your review',
  'changes-requested': 'has changes requested',
  approved: 'changed after it was approved',
} as const

/** Refuses an empty reply; asks for the owner's override of a reply that is not approved. */
export function checkReply(
  content: ExportContent,
  override: boolean,
  unverified?: string,
): SendResult | undefined {
  if (!content.replyWritten) {
    throw new AppError(
      'invalid-input',
      'The customer update is empty, so there is no reply to post. Write it first, or export the note only.',
    )
  }
  if (content.approval.valid || override) return undefined
  if (unverified !== undefined) {
    return {
      state: 'needs-override',
      message:
        `${unverified} Or confirm that you want to post it to the customer anyway; the ` +
        'override is logged in the case.',
    }
  }
  const state = content.approval.withdrawn ? 'approved' : content.approval.state
  return {
    state: 'needs-override',
    message:
      `The customer update ${APPROVAL_WORDS[state]}. Approve it first, or confirm that you ` +
      'want to post it to the customer anyway; the override is logged in the case.',
  }
}

/**
 * Reads the ticket again before a reply. Asks the owner when it changed since the case read
 * it, or when it cannot be read now; `token` is the answer to an earlier question, naming the
 * ticket as the owner saw it. A webhook cannot be read, so there is nothing to check.
 */
export async function checkTicket(
  doc: Y.Doc,
  connector: Connector,
  token: string | undefined,
  now: Date,
): Promise<SendResult | { reading?: TicketReading }> {
  if (connector.kind === 'webhook') return {}
  const { ticket } = readMeta(doc)
  const vendor = CONNECTOR_NAMES[connector.kind]
  let reading: TicketReading
  try {
    reading = await readTicket(connector, ticket.id, now)
  } catch (error) {
    if (!(error instanceof HelpDeskError)) throw error
    // These fail the export too: say so now rather than queue something that cannot go.
    if (error.kind === 'auth' || error.kind === 'not-found' || error.kind === 'rejected') {
      throw new AppError('help-desk', error.message, { cause: error })
    }
    if (token === UNREADABLE) return {}
    return {
      state: 'confirm-ticket',
      reason: 'unreadable',
      message:
        `Swarmroom could not read ticket ${ticket.id} to check whether someone answered since ` +
        `you last looked (${error.message}). Queue the export anyway? It is sent when ${vendor} answers.`,
      changes: [],
      token: UNREADABLE,
    }
  }
  const seen = readTicketSeen(doc)
  const changes = seen ? ticketChanges(seen, reading, vendor) : []
  const fingerprint = ticketFingerprint(seenFrom(ticket.id, reading))
  if (changes.length === 0 || token === fingerprint) return { reading }
  return {
    state: 'confirm-ticket',
    reason: 'changed',
    message:
      `Ticket ${ticket.id} changed in ${vendor} since the case last read it. ` +
      'Read what changed before you post the reply.',
    changes,
    token: fingerprint,
  }
}

/**
 * Asks the owner before posting to a ticket they never linked or confirmed on this computer
 * (for parts alike: a note names the customer's case too). Going ahead records it.
 */
export async function checkConfirmedTicket(
  confirmed: ConfirmedTickets,
  request: { roomId: string; ticketLinkToken?: string | undefined },
  ticket: TicketReference,
): Promise<SendResult | undefined> {
  if (confirmed.isConfirmed(request.roomId, ticket)) return undefined
  const token = `relinked:${ticket.system}:${ticket.id}`
  if (request.ticketLinkToken === token) {
    await confirmed.confirm(request.roomId, ticket)
    return undefined
  }
  const now = `${HELP_DESK_NAMES[ticket.system]} ticket ${ticket.id}`
  const before = confirmed.get(request.roomId)
  return {
    state: 'confirm-ticket',
    reason: 'relinked',
    message: before
      ? `This case now points to ${now}, not to ${HELP_DESK_NAMES[before.system]} ticket ` +
        `${before.id} that you linked. A teammate changed it. Make sure it is this ` +
        'customer’s ticket before you export to it.'
      : `This case points to ${now}, which you have not linked or confirmed on this ` +
        'computer. Make sure it is this customer’s ticket before you export to it.',
    changes: [
      `Exports would go to: ${now}${ticket.url ? ` (${ticket.url})` : ''}`,
      ...(before ? [`You linked: ${HELP_DESK_NAMES[before.system]} ticket ${before.id}`] : []),
    ],
    token,
  }
}

/**
 * One reply, one post: the approval is used up only when the reply reaches the ticket, so
 * while an export of this exact text is still on its way (or after it arrived) another export
 * of it is refused rather than posted twice.
 */
export function refuseRepeatedReply(doc: Y.Doc, replyHash: string): void {
  const earlier = listExports(doc).find(
    (record) =>
      record.parts !== 'note' && record.replyHash === replyHash && record.state !== 'failed',
  )
  if (!earlier) return
  const when = formatTime(earlier.sentAt ?? earlier.at)
  throw new AppError(
    'invalid-input',
    earlier.state === 'sent'
      ? `This exact customer update already reached the ticket (${when}). Change it before ` +
          'sending another reply, or export the note only.'
      : `This exact customer update is already on its way to the ticket (queued ${when}); ` +
          'follow it in the Exports tab. Export the note only, or wait for it.',
  )
}

/** The export's content with an approval that does not verify counted as no approval. */
export function verifiedContent(content: ExportContent, trust: CaseTrust): ExportContent {
  if (!content.approval.valid || trust.approval?.verified === true) return content
  return { ...content, approval: { ...content.approval, valid: false } }
}

/** Why the approval in the case does not count, for the owner about to post the reply. */
export function unverifiedApproval(
  doc: Y.Doc,
  trust: CaseTrust,
  actor: string,
): string | undefined {
  const approval = trust.approval
  if (!approval || approval.verified) return undefined
  const approver = memberName(doc, approval.approvedBy)
  const owner = trust.owner.verified
  const ask =
    owner === actor ? 'Approve it again' : `Ask ${memberName(doc, owner)} to approve it again`
  const why =
    approval.problem === 'not-owner'
      ? `${approver} did not own the case when it was approved`
      : `it is not signed by ${approver}’s key`
  return `The approval of this reply could not be verified: ${why}. ${ask}.`
}
