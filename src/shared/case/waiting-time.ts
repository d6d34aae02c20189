/** How long the customer has waited, in words an agent takes in at a glance. */

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * `under a minute`, `12 min`, `3 h 05 min`, `2 days 4 h`: precise where it matters (the first
 * hours of waiting) and rounded down, so the customer never seems to have waited less.
 */
export function durationText(milliseconds: number): string {
  const ms = Math.max(0, milliseconds)
  if (ms < MINUTE) return 'under a minute'
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`
  if (ms < DAY) {
    const minutes = Math.floor((ms % HOUR) / MINUTE)
    return `${Math.floor(ms / HOUR)} h ${String(minutes).padStart(2, '0')} min`
  }
  const days = Math.floor(ms / DAY)
  const hours = Math.floor((ms % DAY) / HOUR)
  return `${days} ${days === 1 ? 'day' : 'days'}${hours === 0 ? '' : ` ${hours} h`}`
}

/** The time from `since` (ISO) to `now`, as `durationText`; `null` for an unreadable time. */
export function waitedSince(since: string, now: Date): string | null {
  const start = new Date(since).getTime()
  return Number.isNaN(start) ? null : durationText(now.getTime() - start)
}
