/**
 * What one attempt to send an outbox entry decides: whether an earlier attempt already landed
 * on the ticket, and what a failure means for the entry (wait, or ask the user).
 */
import {
  HelpDeskError,
  type ArticleResult,
  type Connector,
  type TicketComment,
} from '../connectors/connector'
import type { OutboxEntry, OutboxErrorKind } from './outbox-entry'
import { failureMessage, storageFailureMessage, vendorName } from './outbox-messages'
import { nextAttemptTime } from './retry-policy'

/** Help desks' clocks and ours disagree a little: a comment this much "earlier" still counts. */
export const CLOCK_SKEW_MS = 60_000

/** Failures that pass on their own; any other failure waits for the user. */
const RETRIED_KINDS: ReadonlySet<OutboxErrorKind> = new Set([
  'rate-limited',
  'unreachable',
  'timeout',
])

/** Help desks reflow whitespace (HTML to text, trailing newlines); the words stay the same. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * The comment an earlier attempt left on the ticket, if any: same visibility, same text, and
 * created at or after the first attempt. A comment whose time cannot be read is counted, since
 * posting a customer reply twice is worse than missing an identical one.
 */
export function findLandedComment(
  entry: OutboxEntry,
  comments: readonly TicketComment[],
): TicketComment | undefined {
  const wanted = normaliseText(entry.content.text)
  const since = Date.parse(entry.idempotency.firstAttemptAt ?? entry.createdAt) - CLOCK_SKEW_MS
  return comments.find((comment) => {
    if (comment.public !== (entry.part === 'reply')) return false
    if (normaliseText(comment.text) !== wanted) return false
    const createdAt = Date.parse(comment.createdAt)
    return Number.isNaN(createdAt) || createdAt >= since
  })
}

/** Posts the entry's content as what it is: a public reply or an internal note. */
async function postEntry(connector: Connector, entry: OutboxEntry): Promise<string> {
  const result =
    entry.part === 'reply'
      ? await connector.addPublicReply(entry.ticketId, entry.content)
      : await connector.addInternalNote(entry.ticketId, entry.content)
  return result.id
}

/**
 * An article: when an earlier attempt may have landed, the draft is looked for by its title
 * first, and posted only if it is not there.
 */
async function postOrFindArticle(
  connector: Connector,
  entry: OutboxEntry,
  look: boolean,
): Promise<ArticleResult> {
  const { createArticleDraft, findArticleDraft } = connector
  if (!createArticleDraft || !findArticleDraft) {
    throw new HelpDeskError(
      'not-set-up',
      `${vendorName(connector.kind)} has no knowledge base Swarmroom can post a draft to.`,
      { mayHaveLanded: false },
    )
  }
  const article = {
    title: entry.content.title ?? '',
    html: entry.content.html,
    text: entry.content.text,
  }
  const found = look ? await findArticleDraft.call(connector, article) : undefined
  return found ?? (await createArticleDraft.call(connector, article))
}

/** How an entry changes after an attempt. */
export type AttemptOutcome = Partial<OutboxEntry>

export interface AttemptClock {
  now: () => Date
  /** A number in [0, 1) for backoff jitter. */
  random: () => number
}

/**
 * Looks for an earlier attempt on the ticket when one may have landed, and posts only if it
 * did not. Any failure becomes an outcome (waiting or failed), never an exception.
 */
export async function sendOrFind(
  entry: OutboxEntry,
  connector: Connector,
  clock: AttemptClock,
): Promise<AttemptOutcome> {
  let whileChecking = entry.idempotency.mayHaveLanded
  try {
    if (entry.part === 'article') {
      const article = await postOrFindArticle(connector, entry, whileChecking)
      return { ...sentOutcome(entry, clock, article.id), link: article.url }
    }
    const landed = whileChecking
      ? findLandedComment(entry, await connector.recentComments(entry.ticketId))
      : undefined
    whileChecking = false
    const commentId = landed ? landed.id : await postEntry(connector, entry)
    return sentOutcome(entry, clock, commentId)
  } catch (error) {
    return failureOutcome(error, entry, connector, whileChecking, clock)
  }
}

function sentOutcome(entry: OutboxEntry, clock: AttemptClock, commentId: string): AttemptOutcome {
  return {
    state: 'sent',
    commentId,
    sentAt: clock.now().toISOString(),
    failuresInARow: 0,
    nextAttemptAt: null,
    lastError: null,
    idempotency: { ...entry.idempotency, inFlight: false, mayHaveLanded: false },
  }
}

function failureOutcome(
  error: unknown,
  entry: OutboxEntry,
  connector: Connector,
  whileChecking: boolean,
  clock: AttemptClock,
): AttemptOutcome {
  const now = clock.now()
  const known = error instanceof HelpDeskError
  const kind = known ? error.kind : 'unexpected'
  const failuresInARow = entry.failuresInARow + 1
  const retried = RETRIED_KINDS.has(kind)
  const retryAt = known && kind === 'rate-limited' ? error.retryAt : undefined
  const nextAttemptAt = retried
    ? nextAttemptTime(now, failuresInARow, clock.random, retryAt)
    : undefined
  const message = failureMessage(kind, {
    vendor: vendorName(connector.kind),
    part: entry.part,
    ticketId: entry.ticketId,
    detail: error instanceof Error ? error.message : String(error),
    nextAttemptAt,
    now,
  })
  // A failed look leaves what we knew unchanged; a failed post may have landed if the
  // connector says so, and an error it could not classify may have landed too.
  const mayHaveLanded = whileChecking || !known || error.mayHaveLanded
  return {
    state: retried ? 'waiting' : 'failed',
    failuresInARow,
    nextAttemptAt: nextAttemptAt?.toISOString() ?? null,
    lastError: { kind, message },
    idempotency: { ...entry.idempotency, inFlight: false, mayHaveLanded },
  }
}

/** Saving the in-flight record failed, so nothing was sent: wait and try again. */
export function storageFailureOutcome(
  error: unknown,
  entry: OutboxEntry,
  clock: AttemptClock,
): AttemptOutcome {
  const now = clock.now()
  const failuresInARow = entry.failuresInARow + 1
  const at = nextAttemptTime(now, failuresInARow, clock.random)
  const detail = error instanceof Error ? error.message : String(error)
  return {
    state: 'waiting',
    failuresInARow,
    nextAttemptAt: at.toISOString(),
    lastError: { kind: 'storage', message: storageFailureMessage(detail, at, now) },
    idempotency: { ...entry.idempotency, inFlight: false },
  }
}
