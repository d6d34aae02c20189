import type * as Y from 'yjs'
import type { ApprovalStatus } from '@shared/case/approval'
import { listExports } from '@shared/case/exports'
import { memberName } from '@shared/case/members'
import { HELP_DESK_NAMES } from '@shared/case/schema'
import { listUpdates } from '@shared/case/updates'
import { clockTime } from '../../common/format'

/** Where the current text of the customer update stands on its way to the customer. */
export interface DeliveryView {
  key: 'sent' | 'sending' | 'not-sent'
  label: string
  detail: string
}

/**
 * The customer update as sent (its text is the one that went out), on its way (an export of
 * this exact text is queued), or not sent (that export failed or was cancelled). Null while
 * the text was never sent nor exported: the approval states say the rest.
 */
export function describeDelivery(
  doc: Y.Doc,
  status: ApprovalStatus,
  me: string,
): DeliveryView | null {
  const name = (memberId: string): string => (memberId === me ? 'you' : memberName(doc, memberId))
  const sent = listUpdates(doc).at(-1)
  if (sent && sent.contentHash === status.currentHash && !status.valid) {
    const result = sent.ticketResult
    if (sent.via === 'manual' || !result) {
      return {
        key: 'sent',
        label: 'Sent',
        detail: `Marked as sent by ${name(sent.by)} at ${clockTime(sent.sentAt)}.`,
      }
    }
    const comment = result.commentId === '' ? '' : ` as comment #${result.commentId}`
    return {
      key: 'sent',
      label: 'Sent',
      detail:
        `Sent to ${HELP_DESK_NAMES[result.system]} ticket #${result.ticketId} at ` +
        `${clockTime(sent.sentAt)}${comment}, by ${name(sent.by)}.`,
    }
  }
  const record = listExports(doc)
    .filter((item) => item.parts !== 'note' && item.replyHash === status.currentHash)
    .at(-1)
  if (!record || !status.valid) return null
  const where = `${HELP_DESK_NAMES[record.system]} ticket #${record.ticketId}`
  if (record.state === 'queued') {
    const why = record.error ? ` ${record.error}` : ''
    return {
      key: 'sending',
      label: 'Sending',
      detail: `On its way to ${where} (sent by ${name(record.by)} at ${clockTime(record.at)}).${why}`,
    }
  }
  if (record.state === 'failed') {
    return {
      key: 'not-sent',
      label: 'Not sent',
      detail: record.cancelledAt
        ? `The export to ${where} was cancelled at ${clockTime(record.cancelledAt)}; nothing more goes to the ticket.`
        : `The export to ${where} failed: ${record.error ?? 'the help desk did not take it.'} The Exports tab has the details.`,
    }
  }
  return null
}
