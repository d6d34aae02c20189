/**
 * When a rate-limited help desk allows the next request. Each vendor says it its own way, and
 * one reader takes them all: `Retry-After` (seconds or an HTTP date; Zendesk, Freshdesk, Jira),
 * `X-RateLimit-Retry-After` (seconds; Help Scout) or `X-RateLimit-Reset` (a Unix time in
 * seconds, Intercom; an ISO time, Jira).
 */

/** How long to wait after a 429 that names no time. */
const DEFAULT_RETRY_SECONDS = 60

export function retryAtFrom(headers: Headers, now: Date): Date {
  const after = (seconds: number): Date => new Date(now.getTime() + seconds * 1000)
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter && isNumber(retryAfter)) return after(Number(retryAfter))
  if (retryAfter && !Number.isNaN(Date.parse(retryAfter))) return new Date(Date.parse(retryAfter))
  const helpScout = headers.get('x-ratelimit-retry-after')?.trim()
  if (helpScout && isNumber(helpScout)) return after(Number(helpScout))
  const reset = headers.get('x-ratelimit-reset')?.trim()
  if (reset && isNumber(reset)) {
    const value = Number(reset)
    // A Unix time in milliseconds or seconds; anything smaller is a number of seconds to wait.
    if (value > 1e12) return new Date(value)
    return value > 1e9 ? new Date(value * 1000) : after(value)
  }
  if (reset && !Number.isNaN(Date.parse(reset))) return new Date(Date.parse(reset))
  return after(DEFAULT_RETRY_SECONDS)
}

function isNumber(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text)
}
