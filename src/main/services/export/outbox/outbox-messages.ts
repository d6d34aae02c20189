/** What the outbox tells a support agent about an export, in words they can act on. */
import { AppError } from '@shared/result'
import type { ConnectorKind, HelpDeskErrorKind } from '../connectors/connector'
import type { OutboxEntry } from './outbox-entry'

const VENDOR_NAMES: Record<ConnectorKind, string> = {
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  helpscout: 'Help Scout',
  intercom: 'Intercom',
  jira: 'Jira',
  zammad: 'Zammad',
  webhook: 'the webhook',
}

export const CONNECTION_REMOVED =
  'The help-desk connection used for this export was removed. Add it again in Settings, then retry.'

export function vendorName(kind: ConnectorKind): string {
  return VENDOR_NAMES[kind]
}

function partName(part: OutboxEntry['part']): string {
  if (part === 'article') return 'knowledge-base article'
  return part === 'reply' ? 'customer reply' : 'internal note'
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0')
}

/** "14:32" today, "3 Mar 14:32" on another day, in the computer's time zone. */
export function clockTime(at: Date, now: Date): string {
  const time = `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`
  if (at.toDateString() === now.toDateString()) return time
  const day = at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })
  return `${day} ${time}`
}

export interface FailureContext {
  /** The help desk's name, e.g. "Zendesk". */
  vendor: string
  part: OutboxEntry['part']
  ticketId: string
  /** The connector's own words (the vendor's reason for refusing, the network error). */
  detail: string
  /** When the outbox tries again; absent when it waits for the user. */
  nextAttemptAt?: Date
  now: Date
}

function sentence(detail: string): string {
  const trimmed = detail.trim().replace(/[.\s]+$/, '')
  return trimmed === '' ? '' : ` (${trimmed})`
}

/** The message stored in an entry's `lastError` after a failed request to the help desk. */
export function failureMessage(
  kind: HelpDeskErrorKind | 'unexpected',
  context: FailureContext,
): string {
  const { vendor, ticketId, now } = context
  const part = partName(context.part)
  const at = context.nextAttemptAt ? clockTime(context.nextAttemptAt, now) : ''
  switch (kind) {
    case 'rate-limited':
      return `Rate limited by ${vendor}: will try again at ${at}.`
    case 'unreachable':
      return `Could not reach ${vendor}${sentence(context.detail)}: will try again at ${at}.`
    case 'timeout':
      return (
        `${vendor} did not answer in time, so the ${part} may already be on ticket ${ticketId}. ` +
        `Swarmroom will look for it there at ${at} and send it only if it is missing.`
      )
    case 'auth':
      // The connector's words repeat this one (and the 401): the agent needs what to do.
      return (
        `${vendor} did not accept the saved credentials, so the ${part} was not sent. ` +
        'Update the connection in Settings, then retry.'
      )
    case 'not-found':
      if (context.part === 'article') {
        return (
          `${vendor} has no knowledge-base place for the article${sentence(context.detail)}. ` +
          'Check the knowledge-base settings in Settings → Help desks, then retry.'
        )
      }
      return (
        `Ticket ${ticketId} was not found in ${vendor}. Check that it still exists and that ` +
        'the connection can see it, then retry, or export again to the right ticket.'
      )
    case 'rejected':
      return (
        `${vendor} refused the ${part}${sentence(context.detail)}. Fix the cause in ${vendor} ` +
        'and retry, or change the case and export again.'
      )
    case 'not-set-up':
      return context.detail.trim()
    case 'unexpected':
      return (
        `Something went wrong while sending the ${part} to ${vendor}${sentence(context.detail)}. ` +
        `Swarmroom stopped trying so it cannot send it twice: check ticket ${ticketId}, then retry.`
      )
  }
}

/** Saving the in-flight record failed, so nothing was sent; `detail` says why (disk full…). */
export function storageFailureMessage(detail: string, nextAttemptAt: Date, now: Date): string {
  return `${detail} Nothing was sent; Swarmroom will try again at ${clockTime(nextAttemptAt, now)}.`
}

/** Why an entry cannot be retried or cancelled now: it is on the ticket, cancelled or sending. */
export function refusal(entry: OutboxEntry, what: 'retried' | 'cancelled'): AppError {
  const message =
    entry.state === 'sent'
      ? `This export is already on ticket ${entry.ticketId}, so it cannot be ${what}.`
      : entry.state === 'cancelled'
        ? 'This export was cancelled, so it is never sent. Export the case again to send it.'
        : `This export is being sent right now, so it cannot be ${what}. Look again in a moment.`
  return new AppError('invalid-input', message)
}
