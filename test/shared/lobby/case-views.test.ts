import { describe, expect, it } from 'vitest'
import type { CaseSummary } from '../../../src/shared/ipc'
import {
  ALL_OPEN,
  MOST_URGENT_FIRST,
  facetCounts,
  filterCases,
  nextSort,
  sortCases,
  viewCounts,
} from '../../../src/shared/lobby/case-views'

const NOW = new Date('2026-12-02T12:00:00Z')
const ME = 'member-dana'

function hoursAgo(hours: number): string {
  return new Date(NOW.getTime() - hours * 3_600_000).toISOString()
}

function line(roomId: string, changes: Partial<CaseSummary> = {}): CaseSummary {
  return {
    roomId,
    title: roomId,
    ticket: { system: 'other', id: '', url: '' },
    customer: '',
    priority: 'normal',
    swarmType: 'other',
    status: 'swarming',
    archived: false,
    createdAt: hoursAgo(10),
    lastActivity: hoursAgo(1),
    signalingUrls: [],
    relay: false,
    unread: false,
    ownerId: 'member-omar',
    ownerName: 'Omar',
    customerWaitingSince: hoursAgo(0.5),
    updatesSent: false,
    ...changes,
  }
}

const ids = (cases: readonly CaseSummary[]): string[] => cases.map((item) => item.roomId)

describe('the lobby order', () => {
  it('puts overdue cases first, then the higher priority, then the latest activity', () => {
    const cases = [
      line('urgent-recent', { priority: 'urgent', lastActivity: hoursAgo(0.1) }),
      line('low-overdue', { priority: 'low', customerWaitingSince: hoursAgo(5) }),
      line('urgent-older', { priority: 'urgent', lastActivity: hoursAgo(3) }),
      line('high-overdue', { priority: 'high', customerWaitingSince: hoursAgo(6) }),
      line('normal', { priority: 'normal' }),
    ]
    expect(ids(sortCases(cases, MOST_URGENT_FIRST, NOW))).toEqual([
      'high-overdue',
      'low-overdue',
      'urgent-recent',
      'urgent-older',
      'normal',
    ])
  })

  it('does not count a resolved case as overdue, however long ago the last update was', () => {
    const cases = [
      line('resolved', { status: 'resolved', customerWaitingSince: hoursAgo(30) }),
      line('high', { priority: 'high' }),
    ]
    expect(ids(sortCases(cases, MOST_URGENT_FIRST, NOW))).toEqual(['high', 'resolved'])
  })

  it('sorts by a column and turns the order round when the same column is chosen again', () => {
    const cases = [line('b', { ownerName: 'Priya' }), line('a', { ownerName: 'alex' }), line('c')]
    const byOwner = nextSort(MOST_URGENT_FIRST, 'owner')
    expect(byOwner).toEqual({ key: 'owner', direction: 'ascending' })
    expect(ids(sortCases(cases, byOwner, NOW))).toEqual(['a', 'c', 'b'])
    const reversed = nextSort(byOwner, 'owner')
    expect(reversed.direction).toBe('descending')
    expect(ids(sortCases(cases, reversed, NOW))).toEqual(['b', 'c', 'a'])
  })

  it('sorts the longest-waiting customer first and closed cases last by waiting time', () => {
    const cases = [
      line('short', { customerWaitingSince: hoursAgo(0.2) }),
      line('closed', { status: 'reviewed', customerWaitingSince: hoursAgo(50) }),
      line('long', { customerWaitingSince: hoursAgo(3) }),
    ]
    const sort = nextSort(MOST_URGENT_FIRST, 'waiting')
    expect(ids(sortCases(cases, sort, NOW))).toEqual(['long', 'short', 'closed'])
  })

  it('sorts statuses in workflow order and unread cases first', () => {
    const cases = [
      line('resolved', { status: 'resolved' }),
      line('triage', { status: 'triage', unread: true }),
      line('swarming', { status: 'swarming' }),
    ]
    expect(ids(sortCases(cases, nextSort(MOST_URGENT_FIRST, 'status'), NOW))).toEqual([
      'triage',
      'swarming',
      'resolved',
    ])
    expect(ids(sortCases(cases, nextSort(MOST_URGENT_FIRST, 'unread'), NOW))[0]).toBe('triage')
  })

  it('keeps the same order for ties, whatever order the cases came in', () => {
    const cases = [line('x'), line('y'), line('z')]
    const sort = nextSort(MOST_URGENT_FIRST, 'priority')
    expect(ids(sortCases([...cases].reverse(), sort, NOW))).toEqual(
      ids(sortCases(cases, sort, NOW)),
    )
  })
})

describe('the lobby views', () => {
  const cases = [
    line('mine-overdue', { ownerId: ME, customerWaitingSince: hoursAgo(5) }),
    line('mine-fresh', { ownerId: ME, status: 'triage', swarmType: 'vip-incident' }),
    line('due', { customerWaitingSince: hoursAgo(2) }),
    line('resolved', { status: 'resolved', customerWaitingSince: hoursAgo(9) }),
    line('archived', { archived: true, ownerId: ME, customerWaitingSince: hoursAgo(9) }),
  ]

  it('counts each view: mine, waiting on us, overdue and archived apart from the open ones', () => {
    expect(viewCounts(cases, ME, NOW)).toEqual({
      open: 4,
      mine: 2,
      waiting: 2,
      overdue: 1,
      archived: 1,
    })
  })

  it('holds in each view exactly the cases it counts', () => {
    const counts = viewCounts(cases, ME, NOW)
    for (const [view, count] of Object.entries(counts)) {
      const shown = filterCases(cases, { ...ALL_OPEN, view: view as typeof ALL_OPEN.view }, ME, NOW)
      expect(shown).toHaveLength(count)
    }
    expect(ids(filterCases(cases, { ...ALL_OPEN, view: 'waiting' }, ME, NOW))).toEqual([
      'mine-overdue',
      'due',
    ])
  })

  it('narrows a view by status and by swarm type, with counts for each choice', () => {
    const open = filterCases(cases, ALL_OPEN, ME, NOW)
    const facets = facetCounts(open)
    expect(facets.status).toEqual({ triage: 1, swarming: 2, resolved: 1, reviewed: 0 })
    expect(facets.swarmType['vip-incident']).toBe(1)
    expect(ids(filterCases(cases, { ...ALL_OPEN, status: 'triage' }, ME, NOW))).toEqual([
      'mine-fresh',
    ])
    expect(
      filterCases(cases, { view: 'mine', status: 'any', swarmType: 'vip-incident' }, ME, NOW),
    ).toHaveLength(1)
  })

  it('does not count a case whose owner is not known yet as anyone’s', () => {
    expect(viewCounts([line('joined', { ownerId: '' })], '', NOW).mine).toBe(0)
  })
})
