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

/**
 * The team's cadence for interim updates in an incident: an update is due (amber) after an
 * hour of silence and late (red) after four, the points where support teams usually owe the
 * customer one.
 */
export const UPDATE_DUE_AFTER = HOUR
export const UPDATE_LATE_AFTER = 4 * HOUR

/** `closed` once the case is resolved: nobody owes an interim update any more. */
export type WaitingLevel = 'fresh' | 'due' | 'late' | 'closed'

/** How urgent the customer's wait since `since` (ISO) is; `null` for an unreadable time. */
export function waitingLevel(since: string, now: Date, closed: boolean): WaitingLevel | null {
  const start = new Date(since).getTime()
  if (since === '' || Number.isNaN(start)) return null
  if (closed) return 'closed'
  const elapsed = now.getTime() - start
  return elapsed >= UPDATE_LATE_AFTER ? 'late' : elapsed >= UPDATE_DUE_AFTER ? 'due' : 'fresh'
}
