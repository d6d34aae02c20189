/**
 * Why the help desk could not give the conversation, in words a support agent acts on. The
 * connector's own message follows for the detail (which setting, what the vendor said).
 */
import { HelpDeskError } from '../export/connectors/connector'
import { clockTime } from '../export/outbox/outbox-messages'

export function problemInWords(
  error: HelpDeskError,
  vendor: string,
  ticketId: string,
  now: Date,
): string {
  switch (error.kind) {
    case 'auth':
      return `${vendor}, the help desk, refused the saved credentials. Check the connection in Settings → Help desks.`
    case 'not-found':
      return `${vendor} has no ticket ${ticketId} any more: it may have been deleted or merged.`
    case 'rate-limited':
      return error.retryAt
        ? `${vendor} asked Swarmroom to wait before reading again, until ${clockTime(error.retryAt, now)}.`
        : `${vendor} asked Swarmroom to wait before reading again.`
    case 'timeout':
      return `${vendor} did not answer in time. Try again in a moment.`
    case 'unreachable':
      return `${vendor} could not be reached: ${error.message}`
    case 'rejected':
    case 'not-set-up':
      return error.message
  }
}

export function isHelpDeskError(error: unknown): error is HelpDeskError {
  return error instanceof HelpDeskError
}
