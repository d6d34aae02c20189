/**
 * The leads' insights across cases: the cases' figures filtered, grouped (by week, swarm type,
 * priority or cause) and summed up. Pure, so main computes it and tests check it on scripted
 * cases with known answers.
 */
import {
  CASE_STATUSES,
  PRIORITIES,
  PRIORITY_NAMES,
  SWARM_TYPES,
  SWARM_TYPE_NAMES,
  type CaseStatus,
} from '../case/schema'
import { causeKey } from '../case/causes'
import type {
  InsightGrouping,
  InsightsFilter,
  InsightsReport,
  InsightsRow,
} from '../channels/insights'
import type { CaseFigures } from './case-figures'

export const NO_CAUSE = 'No cause given'

export function filterFigures(
  figures: readonly CaseFigures[],
  filter: InsightsFilter,
): CaseFigures[] {
  const cause = filter.cause ? causeKey(filter.cause) : null
  return figures.filter(
    (caseFigures) =>
      (filter.includeArchived || !caseFigures.archived) &&
      (!filter.since || caseFigures.createdAt.slice(0, 10) >= filter.since) &&
      (!filter.swarmTypes?.length || filter.swarmTypes.includes(caseFigures.swarmType)) &&
      (!filter.priorities?.length || filter.priorities.includes(caseFigures.priority)) &&
      (cause === null || caseFigures.causes.some((tag) => causeKey(tag) === cause)),
  )
}

export function insightsReport(
  figures: readonly CaseFigures[],
  groupBy: InsightGrouping,
  filter: InsightsFilter,
  unreadable: string[] = [],
): InsightsReport {
  const chosen = filterFigures(figures, filter)
  const spelling = causeSpellings(chosen)
  const groups = new Map<string, { label: string; order: number; cases: CaseFigures[] }>()
  for (const caseFigures of chosen) {
    for (const { key, label, order } of groupsOf(caseFigures, groupBy, spelling)) {
      const group = groups.get(key) ?? { label, order, cases: [] }
      group.cases.push(caseFigures)
      groups.set(key, group)
    }
  }
  const rows = [...groups.entries()]
    .map(([key, group]) => ({ row: summarize(key, group.label, group.cases), order: group.order }))
    .sort(
      (a, b) =>
        a.order - b.order || b.row.cases - a.row.cases || a.row.key.localeCompare(b.row.key),
    )
    .map(({ row }) => row)
  const statuses = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<
    CaseStatus,
    number
  >
  for (const caseFigures of chosen) statuses[caseFigures.status] += 1
  return {
    groupBy,
    rows,
    total: summarize('total', 'All cases', chosen),
    causes: causesOf(chosen, spelling),
    unreadable,
    statuses,
  }
}

interface GroupKey {
  key: string
  label: string
  /** Where the group goes in the table: weeks in time order, types and priorities as listed. */
  order: number
}

function groupsOf(
  caseFigures: CaseFigures,
  groupBy: InsightGrouping,
  spelling: ReadonlyMap<string, string>,
): GroupKey[] {
  switch (groupBy) {
    case 'week': {
      const monday = weekOf(caseFigures.createdAt)
      return [
        {
          key: monday,
          label: monday === '' ? 'Unknown week' : `Week of ${monday}`,
          order: dayNumber(monday),
        },
      ]
    }
    case 'swarmType':
      return [
        {
          key: caseFigures.swarmType,
          label: SWARM_TYPE_NAMES[caseFigures.swarmType],
          order: SWARM_TYPES.indexOf(caseFigures.swarmType),
        },
      ]
    case 'priority':
      return [
        {
          key: caseFigures.priority,
          label: PRIORITY_NAMES[caseFigures.priority],
          order: -PRIORITIES.indexOf(caseFigures.priority),
        },
      ]
    case 'cause':
      if (caseFigures.causes.length === 0) return [{ key: '', label: NO_CAUSE, order: 1 }]
      // A case with two causes counts under each: the question is how often each one comes up.
      return caseFigures.causes.map((cause) => {
        const key = causeKey(cause)
        return { key, label: spelling.get(key) ?? cause, order: 0 }
      })
  }
}

/** The Monday (UTC) of the week an ISO time falls in, as `YYYY-MM-DD`; '' when unreadable. */
export function weekOf(isoTime: string): string {
  const time = Date.parse(isoTime)
  if (!Number.isFinite(time)) return ''
  const day = new Date(time)
  const sinceMonday = (day.getUTCDay() + 6) % 7
  const monday = new Date(
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday),
  )
  return monday.toISOString().slice(0, 10)
}

function dayNumber(isoDay: string): number {
  const time = Date.parse(isoDay)
  return Number.isFinite(time) ? time / 86_400_000 : Number.MAX_SAFE_INTEGER
}

function summarize(key: string, label: string, cases: readonly CaseFigures[]): InsightsRow {
  const due = sum(cases, (caseFigures) => caseFigures.updatesOnCadence + caseFigures.updatesLate)
  return {
    key,
    label,
    cases: cases.length,
    medianTimeToFirstUpdate: median(cases.map((caseFigures) => caseFigures.timeToFirstUpdate)),
    medianTimeToResolve: median(cases.map((caseFigures) => caseFigures.timeToResolve)),
    handoffsPerCase: perCase(cases, (caseFigures) => caseFigures.handoffs),
    escalationsPerCase: perCase(cases, (caseFigures) => caseFigures.escalations),
    onCadenceShare:
      due === 0 ? null : sum(cases, (caseFigures) => caseFigures.updatesOnCadence) / due,
    reopened: cases.filter((caseFigures) => caseFigures.reopened > 0).length,
    timeOpen: sum(cases, (caseFigures) => caseFigures.timeOpen),
  }
}

function causesOf(
  cases: readonly CaseFigures[],
  spelling: ReadonlyMap<string, string>,
): InsightsReport['causes'] {
  const counted = new Map<string, number>()
  for (const caseFigures of cases) {
    for (const cause of caseFigures.causes) {
      const key = causeKey(cause)
      counted.set(key, (counted.get(key) ?? 0) + 1)
    }
  }
  return [...counted.entries()]
    .map(([key, count]) => ({ cause: spelling.get(key) ?? key, cases: count }))
    .sort((a, b) => b.cases - a.cases || a.cause.localeCompare(b.cause))
}

/**
 * How each cause is shown: the spelling most cases use ("Proration bug" over one case's
 * "proration BUG"), the first of them on a tie.
 */
function causeSpellings(cases: readonly CaseFigures[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>()
  for (const caseFigures of cases) {
    for (const cause of caseFigures.causes) {
      const spellings = counts.get(causeKey(cause)) ?? new Map<string, number>()
      spellings.set(cause, (spellings.get(cause) ?? 0) + 1)
      counts.set(causeKey(cause), spellings)
    }
  }
  const chosen = new Map<string, string>()
  for (const [key, spellings] of counts) {
    let best = ''
    let most = 0
    for (const [cause, count] of spellings) {
      if (count > most) [best, most] = [cause, count]
    }
    chosen.set(key, best)
  }
  return chosen
}

/** The middle value of those known; null when none is. */
export function median(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b)
  const upper = known[Math.floor(known.length / 2)]
  const lower = known[Math.ceil(known.length / 2) - 1]
  if (upper === undefined || lower === undefined) return null
  return (lower + upper) / 2
}

function sum(cases: readonly CaseFigures[], value: (caseFigures: CaseFigures) => number): number {
  return cases.reduce((total, caseFigures) => total + value(caseFigures), 0)
}

function perCase(
  cases: readonly CaseFigures[],
  value: (caseFigures: CaseFigures) => number,
): number {
  return cases.length === 0 ? 0 : sum(cases, value) / cases.length
}
