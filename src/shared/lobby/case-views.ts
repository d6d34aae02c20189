/**
 * The lobby's views of the cases on this computer: which cases a view holds, how many, and in
 * which order. Pure functions of the case list, the member and the time, so the lobby and its
 * tests and benchmark agree on them.
 */
import {
  CASE_STATUSES,
  PRIORITIES,
  SWARM_TYPES,
  type CaseStatus,
  type SwarmType,
} from '../case/schema'
import { waitingLevel } from '../case/waiting-time'
import type { CaseSummary } from '../channels/schemas'

export const CASE_VIEWS = ['open', 'mine', 'waiting', 'overdue', 'archived'] as const
export type CaseView = (typeof CASE_VIEWS)[number]

export const CASE_VIEW_NAMES: Record<CaseView, string> = {
  open: 'All open',
  mine: 'Mine',
  waiting: 'Waiting on us',
  overdue: 'Overdue',
  archived: 'Archived',
}

export const SORT_KEYS = [
  'urgency',
  'title',
  'priority',
  'owner',
  'status',
  'waiting',
  'unread',
  'lastActivity',
] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortDirection = 'ascending' | 'descending'

export interface CaseSort {
  key: SortKey
  direction: SortDirection
}

/** The lobby's default: overdue cases first, then by priority, then the latest activity. */
export const MOST_URGENT_FIRST: CaseSort = { key: 'urgency', direction: 'descending' }

export interface CaseFilter {
  view: CaseView
  status: CaseStatus | 'any'
  swarmType: SwarmType | 'any'
}

export const ALL_OPEN: CaseFilter = { view: 'open', status: 'any', swarmType: 'any' }

function isClosed(item: CaseSummary): boolean {
  return item.status === 'resolved' || item.status === 'reviewed'
}

/** The customer has waited past the team's cadence for an update (red in the lobby). */
export function isOverdue(item: CaseSummary, now: Date): boolean {
  return waitingLevel(item.customerWaitingSince, now, isClosed(item)) === 'late'
}

/** An open case whose customer is owed an update (amber or red). */
export function isWaitingOnUs(item: CaseSummary, now: Date): boolean {
  const level = waitingLevel(item.customerWaitingSince, now, isClosed(item))
  return level === 'due' || level === 'late'
}

export function inView(item: CaseSummary, view: CaseView, memberId: string, now: Date): boolean {
  if (view === 'archived') return item.archived
  if (item.archived) return false
  switch (view) {
    case 'open':
      return true
    case 'mine':
      return item.ownerId !== '' && item.ownerId === memberId
    case 'waiting':
      return isWaitingOnUs(item, now)
    case 'overdue':
      return isOverdue(item, now)
  }
}

/** How many cases each view holds, for the view buttons. */
export function viewCounts(
  cases: readonly CaseSummary[],
  memberId: string,
  now: Date,
): Record<CaseView, number> {
  const counts = Object.fromEntries(CASE_VIEWS.map((view) => [view, 0])) as Record<CaseView, number>
  for (const item of cases) {
    for (const view of CASE_VIEWS) if (inView(item, view, memberId, now)) counts[view] += 1
  }
  return counts
}

export interface FacetCounts {
  status: Record<CaseStatus, number>
  swarmType: Record<SwarmType, number>
}

/** How many cases of a view have each status and each swarm type, for the filter menus. */
export function facetCounts(cases: readonly CaseSummary[]): FacetCounts {
  const status = Object.fromEntries(CASE_STATUSES.map((name) => [name, 0])) as Record<
    CaseStatus,
    number
  >
  const swarmType = Object.fromEntries(SWARM_TYPES.map((name) => [name, 0])) as Record<
    SwarmType,
    number
  >
  for (const item of cases) {
    status[item.status] += 1
    swarmType[item.swarmType] += 1
  }
  return { status, swarmType }
}

/** The cases of the view that pass the status and swarm-type filters. */
export function filterCases(
  cases: readonly CaseSummary[],
  filter: CaseFilter,
  memberId: string,
  now: Date,
): CaseSummary[] {
  return cases.filter(
    (item) =>
      inView(item, filter.view, memberId, now) &&
      (filter.status === 'any' || item.status === filter.status) &&
      (filter.swarmType === 'any' || item.swarmType === filter.swarmType),
  )
}

/** The direction a column sorts in when first chosen: what a lead looks for first. */
const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  urgency: 'descending',
  title: 'ascending',
  priority: 'descending',
  owner: 'ascending',
  status: 'ascending',
  waiting: 'descending',
  unread: 'descending',
  lastActivity: 'descending',
}

/** Choosing a column: the same one again turns the order round. */
export function nextSort(current: CaseSort, key: SortKey): CaseSort {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
  }
  return { key, direction: FIRST_DIRECTION[key] }
}

/** The milliseconds the customer has waited; -1 for a closed case or an unknown time. */
function waitedMs(item: CaseSummary, now: Date): number {
  if (isClosed(item) || item.customerWaitingSince === '') return -1
  const start = Date.parse(item.customerWaitingSince)
  return Number.isNaN(start) ? -1 : now.getTime() - start
}

type SortValue = number | string

/** Each case's value for the key, ascending order meaning "least first". */
function valueOf(key: Exclude<SortKey, 'urgency'>, now: Date): (item: CaseSummary) => SortValue {
  switch (key) {
    case 'title':
      return (item) => item.title.toLocaleLowerCase()
    case 'priority':
      return (item) => PRIORITIES.indexOf(item.priority)
    case 'owner':
      return (item) => item.ownerName.toLocaleLowerCase()
    case 'status':
      return (item) => CASE_STATUSES.indexOf(item.status)
    case 'waiting':
      return (item) => waitedMs(item, now)
    case 'unread':
      return (item) => (item.unread ? 1 : 0)
    case 'lastActivity':
      return (item) => Date.parse(item.lastActivity) || 0
  }
}

function compare(a: SortValue, b: SortValue): number {
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b)
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The cases in the order asked for; "most urgent first" has one direction. Ties go to the
 * latest activity, then the room id, so the order never jumps between two renders.
 */
export function sortCases(cases: readonly CaseSummary[], sort: CaseSort, now: Date): CaseSummary[] {
  const keys: { read: (item: CaseSummary) => SortValue; sign: number }[] = [
    ...(sort.key === 'urgency'
      ? [{ read: valueOf('priority', now), sign: -1 }]
      : [{ read: valueOf(sort.key, now), sign: sort.direction === 'ascending' ? 1 : -1 }]),
    { read: valueOf('lastActivity', now), sign: -1 },
  ]
  // Each value once per case, not once per comparison: the lobby sorts 1,000 cases on a click.
  const rows = cases.map((item) => ({
    item,
    overdue: sort.key === 'urgency' && isOverdue(item, now) ? 1 : 0,
    values: keys.map(({ read }) => read(item)),
  }))
  rows.sort((a, b) => {
    if (a.overdue !== b.overdue) return b.overdue - a.overdue
    for (const [index, { sign }] of keys.entries()) {
      const order = compare(a.values[index] as SortValue, b.values[index] as SortValue)
      if (order !== 0) return order * sign
    }
    return a.item.roomId.localeCompare(b.item.roomId)
  })
  return rows.map((row) => row.item)
}
