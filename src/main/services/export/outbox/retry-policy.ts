/**
 * When the outbox tries again after a failure it can wait out. Backoff doubles from 2 seconds
 * up to 5 minutes, with jitter so that several exports failing together do not return together.
 * A help desk's own "retry at" (rate limits) is honoured exactly: never earlier.
 */

/** First wait after a failure. */
export const FIRST_DELAY_MS = 2_000
/** No wait is longer than this, so an export is retried soon after the help desk is back. */
export const MAX_DELAY_MS = 5 * 60_000
/** Each wait is spread by up to this share either way. */
const JITTER = 0.2

/**
 * How long to wait after `failuresInARow` failed attempts (1 for the first failure).
 * @param random a number in [0, 1), `Math.random` in the app
 * @example backoffDelay(3, () => 0.5) // 8000
 */
export function backoffDelay(failuresInARow: number, random: () => number): number {
  const exponent = Math.min(Math.max(failuresInARow, 1) - 1, 30)
  const base = Math.min(FIRST_DELAY_MS * 2 ** exponent, MAX_DELAY_MS)
  const spread = 1 - JITTER + 2 * JITTER * random()
  return Math.round(Math.min(base * spread, MAX_DELAY_MS))
}

/**
 * When to attempt next. A rate limit's `retryAt` wins over backoff, as late as it says (and
 * never in the past); any other failure waits the backoff delay.
 */
export function nextAttemptTime(
  now: Date,
  failuresInARow: number,
  random: () => number,
  retryAt?: Date,
): Date {
  if (retryAt && !Number.isNaN(retryAt.getTime())) {
    return new Date(Math.max(retryAt.getTime(), now.getTime()))
  }
  return new Date(now.getTime() + backoffDelay(failuresInARow, random))
}
