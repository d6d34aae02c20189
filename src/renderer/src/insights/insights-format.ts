/** How the insights read their figures: durations, shares, per-case counts, week labels. */
import { durationText } from '@shared/case/waiting-time'
import type { InsightGrouping } from '@shared/channels/insights'

export const DAY = 86_400_000

export const GROUPINGS: Record<InsightGrouping, string> = {
  week: 'Week',
  swarmType: 'Swarm type',
  priority: 'Priority',
  cause: 'Cause',
}

export function duration(value: number | null): string {
  return value === null ? '—' : durationText(value)
}

/**
 * Durations for a chart, all in the unit that reads best for the largest: minutes up to two
 * hours, then hours (one decimal below ten), then days.
 */
export function inOneUnit(values: readonly (number | null)[]): {
  values: (number | null)[]
  unit: string
} {
  const largest = Math.max(0, ...values.map((value) => value ?? 0))
  const [unit, size] =
    largest <= 2 * 3_600_000
      ? ['min', 60_000]
      : largest <= 2 * DAY
        ? ['h', 3_600_000]
        : ['days', DAY]
  const round = (value: number): number =>
    unit === 'min' ? Math.round(value / size) : Math.round((value / size) * 10) / 10
  return { values: values.map((value) => (value === null ? null : round(value))), unit }
}

const WEEK_LABEL = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})

/** `30 Nov` for the week starting on 2026-11-30, short enough to stand under a bar. */
export function weekLabel(monday: string): string {
  const time = Date.parse(monday)
  return Number.isFinite(time) ? WEEK_LABEL.format(time) : 'Unknown week'
}

export function share(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`
}

export function perCase(value: number): string {
  return value.toFixed(1)
}
