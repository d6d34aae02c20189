/**
 * Which cases stay joined while the app runs, on screen or not: every case that is not
 * archived and saw activity in the last 30 days, the most recent first, up to a limit that
 * keeps connections and memory bounded. A case opened on screen is joined whatever this says.
 */
import type { CaseSummary } from '../channels/schemas'

/** A case quiet for longer than this is joined only when opened. */
export const ACTIVE_FOR_DAYS = 30
/** At most this many cases sync in the background; the quietest beyond it wait to be opened. */
export const MOST_ACTIVE_ROOMS = 50

const DAY_MS = 24 * 60 * 60 * 1000

export function activeRoomIds(
  cases: readonly CaseSummary[],
  now: Date,
  limit = MOST_ACTIVE_ROOMS,
): string[] {
  const since = now.getTime() - ACTIVE_FOR_DAYS * DAY_MS
  return cases
    .filter((item) => !item.archived && Date.parse(item.lastActivity) >= since)
    .sort((a, b) => b.lastActivity.localeCompare(a.lastActivity))
    .slice(0, limit)
    .map((item) => item.roomId)
}
