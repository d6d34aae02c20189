/**
 * The leads' insights on scripted cases with known answers: each case is driven through the
 * same workflow functions the app uses (status changes, updates sent, hand-overs), on its own
 * clock, and the figures and the report are checked against what the script did.
 */
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { approve } from '../../../src/shared/case/approval'
import { readCauses, setCauses } from '../../../src/shared/case/causes'
import { initializeCase } from '../../../src/shared/case/case-doc'
import { escalate, handOff } from '../../../src/shared/case/handoff'
import { joinCase } from '../../../src/shared/case/members'
import type { NewCase } from '../../../src/shared/case/schema'
import { setStatus } from '../../../src/shared/case/status'
import { markSent } from '../../../src/shared/case/updates'
import type { InsightsFilter } from '../../../src/shared/channels/insights'
import {
  caseFacts,
  caseFigures,
  UPDATE_CADENCE_MS,
  type CaseFigures,
} from '../../../src/shared/insights/case-figures'
import { figuresCsv } from '../../../src/shared/insights/figures-csv'
import { insightsReport, median, NO_CAUSE, weekOf } from '../../../src/shared/insights/report'
import { dana, omar, write } from '../case/case-fixture'
import * as YModule from 'yjs'

const MINUTE = 60_000
const everything: InsightsFilter = { includeArchived: true }

/** A case opened at `opened`, owned by Dana, with Omar helping; `minutes` is its clock. */
function openCase(opened: string, input: Partial<NewCase> = {}) {
  const start = Date.parse(opened)
  const doc = new YModule.Doc({ gc: false })
  initializeCase(
    doc,
    {
      title: 'Acme: double charges',
      ticket: { system: 'zendesk', id: '1', url: '' },
      customer: 'Acme',
      priority: 'high',
      swarmType: 'vip-incident',
      ...input,
    },
    dana,
    new Date(start),
  )
  joinCase(doc, omar, 'contributor', new Date(start))
  const at = (minutes: number): Date => new Date(start + minutes * MINUTE)
  return { doc, at }
}

function sendUpdate(doc: Y.Doc, text: string, now: Date): void {
  write(doc, 'customerUpdate', text)
  approve(doc, 'dana', undefined, now)
  markSent(doc, 'dana', { via: 'manual', now })
}

function figuresOf(doc: Y.Doc, now: Date, archived = false): CaseFigures {
  return caseFigures(caseFacts(doc, 'room-0001'), archived, now)
}

describe('one case’s figures', () => {
  it('follow a case from opening to resolution, and stop the clock at resolution', () => {
    const { doc, at } = openCase('2026-11-23T09:00:00.000Z')
    setStatus(doc, 'dana', 'swarming', at(5))
    sendUpdate(doc, 'We are looking into the double charges.', at(30))
    sendUpdate(doc, 'Refunds go out today.', at(30 + 5 * 60)) // 5 h later: late
    escalate(doc, 'omar', { acknowledgeGaps: true, now: at(320) })
    handOff(doc, 'dana', { to: 'omar', acknowledgeGaps: true, now: at(330) })
    setStatus(doc, 'dana', 'resolved', at(400))
    setStatus(doc, 'dana', 'swarming', at(410))
    const figures = figuresOf(doc, at(10_000))
    expect(figures).toMatchObject({
      timeToFirstUpdate: 30 * MINUTE,
      timeToResolve: 400 * MINUTE,
      timeOpen: 400 * MINUTE,
      handoffs: 1,
      escalations: 1,
      updatesSent: 2,
      updatesOnCadence: 1,
      updatesLate: 1,
      reopened: 1,
      status: 'swarming',
      swarmType: 'vip-incident',
      priority: 'high',
    })
  })

  it('count an open case’s time up to now, and its current wait once past due', () => {
    const { doc, at } = openCase('2026-11-23T09:00:00.000Z')
    sendUpdate(doc, 'First update.', at(60))
    const soon = figuresOf(doc, at(60 + 60))
    expect(soon).toMatchObject({ timeOpen: 120 * MINUTE, updatesOnCadence: 1, updatesLate: 0 })
    const later = figuresOf(doc, new Date(at(60).getTime() + UPDATE_CADENCE_MS + MINUTE))
    expect(later.updatesLate).toBe(1)
    expect(later.timeToResolve).toBeNull()
  })

  it('are empty for a case that has just been opened', () => {
    const { doc, at } = openCase('2026-11-23T09:00:00.000Z')
    expect(figuresOf(doc, at(1))).toMatchObject({
      timeToFirstUpdate: null,
      timeToResolve: null,
      timeOpen: MINUTE,
      handoffs: 0,
      escalations: 0,
      updatesSent: 0,
      updatesOnCadence: 0,
      updatesLate: 0,
      reopened: 0,
      causes: [],
    })
  })
})

describe('causes', () => {
  it('are tidied and kept once whatever their letter case', () => {
    const { doc } = openCase('2026-11-23T09:00:00.000Z')
    setCauses(doc, 'dana', ['  Proration   bug ', 'proration bug', '', 'Expired SSO cert'])
    expect(readCauses(doc)).toEqual(['Proration bug', 'Expired SSO cert'])
  })

  it('read as none when a peer wrote something else', () => {
    const { doc } = openCase('2026-11-23T09:00:00.000Z')
    doc.getMap('meta').set('causes', 'proration')
    expect(readCauses(doc)).toEqual([])
  })
})

describe('the report across cases', () => {
  /** Four cases over two weeks with known figures. */
  function fourCases(): CaseFigures[] {
    const now = new Date('2026-12-02T12:00:00.000Z')
    const one = openCase('2026-11-23T09:00:00.000Z', {
      swarmType: 'vip-incident',
      priority: 'urgent',
    })
    sendUpdate(one.doc, 'Update.', one.at(20))
    setStatus(one.doc, 'dana', 'resolved', one.at(120))
    setCauses(one.doc, 'dana', ['Proration bug'])
    const two = openCase('2026-11-25T09:00:00.000Z', {
      swarmType: 'vip-incident',
      priority: 'high',
    })
    sendUpdate(two.doc, 'Update.', two.at(40))
    setStatus(two.doc, 'dana', 'resolved', two.at(600))
    setCauses(two.doc, 'dana', ['proration BUG', 'Legacy plan'])
    const three = openCase('2026-11-30T10:00:00.000Z', { swarmType: 'emerging-pattern' })
    escalate(three.doc, 'omar', { acknowledgeGaps: true, now: three.at(10) })
    setStatus(three.doc, 'dana', 'resolved', three.at(300))
    setStatus(three.doc, 'dana', 'swarming', three.at(310))
    const archived = openCase('2026-12-01T10:00:00.000Z', { swarmType: 'other', priority: 'low' })
    return [
      caseFigures(caseFacts(one.doc, 'room-one1'), false, now),
      caseFigures(caseFacts(two.doc, 'room-two2'), false, now),
      caseFigures(caseFacts(three.doc, 'room-three'), false, now),
      caseFigures(caseFacts(archived.doc, 'room-archived'), true, now),
    ]
  }

  it('groups by week, oldest first, with medians and per-case counts', () => {
    const report = insightsReport(fourCases(), 'week', everything)
    expect(report.rows.map((row) => [row.key, row.cases])).toEqual([
      ['2026-11-23', 2],
      ['2026-11-30', 2],
    ])
    expect(report.rows[0]).toMatchObject({
      label: 'Week of 2026-11-23',
      medianTimeToFirstUpdate: 30 * MINUTE,
      medianTimeToResolve: 360 * MINUTE,
      // Case two's customer heard nothing for 9 h 20 min between its update and resolution.
      onCadenceShare: 2 / 3,
      reopened: 0,
      timeOpen: 720 * MINUTE,
    })
    expect(report.rows[1]).toMatchObject({
      medianTimeToFirstUpdate: null,
      escalationsPerCase: 0.5,
      reopened: 1,
    })
    expect(report.total).toMatchObject({ cases: 4, medianTimeToResolve: 300 * MINUTE })
    expect(report.statuses).toEqual({ triage: 1, swarming: 1, resolved: 2, reviewed: 0 })
  })

  it('counts a case under each of its causes, so a recurring cause stands out', () => {
    const report = insightsReport(fourCases(), 'cause', everything)
    expect(report.rows.map((row) => [row.label, row.cases, row.timeOpen / MINUTE])).toEqual([
      ['Proration bug', 2, 720],
      ['Legacy plan', 1, 600],
      [NO_CAUSE, 2, expect.any(Number)],
    ])
    expect(report.causes).toEqual([
      { cause: 'Proration bug', cases: 2 },
      { cause: 'Legacy plan', cases: 1 },
    ])
  })

  it('shows a cause as most cases spell it', () => {
    const [first] = fourCases()
    if (!first) throw new Error('no case')
    const spelled = (cause: string): CaseFigures => ({ ...first, causes: [cause] })
    const report = insightsReport(
      [spelled('proration BUG'), spelled('Proration bug'), spelled('Proration bug')],
      'cause',
      everything,
    )
    expect(report.rows.map((row) => [row.label, row.cases])).toEqual([['Proration bug', 3]])
    expect(report.causes).toEqual([{ cause: 'Proration bug', cases: 3 }])
  })

  it('filters by date, swarm type, priority, cause and archived', () => {
    const figures = fourCases()
    const count = (filter: InsightsFilter): number =>
      insightsReport(figures, 'swarmType', filter).total.cases
    expect(count({ includeArchived: false })).toBe(3)
    expect(count({ includeArchived: true, since: '2026-11-25' })).toBe(3)
    expect(count({ includeArchived: true, swarmTypes: ['vip-incident'] })).toBe(2)
    expect(count({ includeArchived: true, priorities: ['urgent', 'low'] })).toBe(2)
    expect(count({ includeArchived: true, cause: 'PRORATION BUG' })).toBe(2)
  })

  it('lists swarm types and priorities in their own order', () => {
    const figures = fourCases()
    expect(insightsReport(figures, 'swarmType', everything).rows.map((row) => row.key)).toEqual([
      'vip-incident',
      'emerging-pattern',
      'other',
    ])
    expect(insightsReport(figures, 'priority', everything).rows.map((row) => row.key)).toEqual([
      'urgent',
      'high',
      'low',
    ])
  })

  it('has an empty total and no rows without cases', () => {
    const report = insightsReport([], 'week', everything)
    expect(report.rows).toEqual([])
    expect(report.total).toMatchObject({
      cases: 0,
      medianTimeToFirstUpdate: null,
      onCadenceShare: null,
    })
  })
})

describe('helpers', () => {
  it('puts a time in the week starting on its Monday (UTC)', () => {
    expect(weekOf('2026-11-29T23:59:00.000Z')).toBe('2026-11-23') // a Sunday
    expect(weekOf('2026-11-30T00:00:00.000Z')).toBe('2026-11-30')
    expect(weekOf('not a time')).toBe('')
  })

  it('takes the median of the known values', () => {
    expect(median([3, null, 1, 2])).toBe(2)
    expect(median([4, 1])).toBe(2.5)
    expect(median([null])).toBeNull()
  })
})

describe('the CSV file', () => {
  it('has a line a case, quoted where needed, and keeps formulas as text', () => {
    const { doc, at } = openCase('2026-11-23T09:00:00.000Z', { title: '=HYPERLINK("x"), "quoted"' })
    sendUpdate(doc, 'Update.', at(90))
    setCauses(doc, 'dana', ['Proration bug', 'Legacy plan'])
    const csv = figuresCsv([figuresOf(doc, at(120))])
    const [heading, line, end] = csv.split('\r\n')
    expect(heading).toBe(
      'Case,Opened (UTC),Swarm type,Priority,Status,Causes,Minutes to first update,Minutes to resolve,Minutes open,Handoffs,Escalations,Updates sent,Updates on cadence,Updates late,Reopened',
    )
    expect(line).toBe(
      `"'=HYPERLINK(""x""), ""quoted""",2026-11-23T09:00:00.000Z,VIP incident,High,Triage,Proration bug; Legacy plan,90,,120,0,0,1,1,0,0`,
    )
    expect(end).toBe('')
  })
})
