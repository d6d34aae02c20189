/**
 * What every connector's conversation reading shares: how far to follow a vendor's pages, and
 * the check that a next-page link stays on the connection's own host (it carries the
 * credentials, so a link elsewhere is not followed).
 */
import { HelpDeskError } from './connector'

/** Pages followed at most: 100 pages of 100 messages is far more than any ticket holds. */
export const MAX_CONVERSATION_PAGES = 100

/** The link if it is on the connection's origin, else undefined (and the reading stops). */
export function onSameOrigin(link: string | null | undefined, baseUrl: string): string | undefined {
  if (!link || !URL.canParse(link)) return undefined
  return new URL(link).origin === new URL(baseUrl).origin ? link : undefined
}

/** A help desk that keeps pointing at more pages than any conversation has is not followed. */
export function tooManyPages(vendor: string): HelpDeskError {
  return new HelpDeskError(
    'unreachable',
    `${vendor} kept answering with more pages of the conversation than Swarmroom reads ` +
      `(${MAX_CONVERSATION_PAGES}). Open the ticket in ${vendor} to read it all.`,
    { mayHaveLanded: false },
  )
}

/** The connection lacks a knowledge-base setting: said plainly, nothing is guessed. */
export function notSetUp(vendor: string, what: string): HelpDeskError {
  return new HelpDeskError(
    'not-set-up',
    `Posting articles to ${vendor} is not set up for this connection: ${what} ` +
      'Add it in Settings → Help desks, then post the article again.',
    { mayHaveLanded: false },
  )
}

/** ISO time from a Unix time in seconds ('' when absent). */
export function isoFromUnix(seconds: number | null | undefined): string {
  return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : ''
}
