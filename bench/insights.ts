/**
 * The leads' insights over 1,000 cases on disk, through main's real services (room logs,
 * CaseInsights), beside a bare pass with no Swarmroom code in the same run: yjs reading the
 * same logs' states and a loop over each timeline's plain JSON counting the same events.
 * Interleaved, fresh services for every first report. Prints JSON on stdout; the machine it ran
 * on goes to stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { createServices, type MainServices } from '../src/main/services/create-services'
import { setCauses } from '../src/shared/case/causes'
import { SWARM_TYPES } from '../src/shared/case/schema'
import { setStatus } from '../src/shared/case/status'
import { logEvent } from '../src/shared/case/timeline'
import { recordSentUpdate } from '../src/shared/case/updates'
import type { InsightGrouping } from '../src/shared/channels/insights'
import { NodeEncryptor } from '../test/fixtures/node-encryptor'
import { summary } from './figures'

const CASES = Number(process.env['BENCH_CASES'] ?? 1000)
const RUNS = 7
const REPEATS = 20
const CAUSES = ['Proration bug', 'Expired SSO certificate', 'Slow export query', 'Legacy plan']
const GROUPINGS: InsightGrouping[] = ['week', 'swarmType', 'priority', 'cause']
const filter = { includeArchived: true }

const folder = mkdtempSync(join(tmpdir(), 'swarmroom-bench-insights-'))
const keychain = new NodeEncryptor()
const open = (): Promise<MainServices> =>
  createServices({ dataFolder: folder, keychain, openInBrowser: async () => undefined })

/** 1,000 cases over ten weeks, each with a status history, updates sent and a cause, seeded. */
async function createCases(): Promise<string[]> {
  const services = await open()
  const { memberId } = await services.handlers['identity:set']({ name: 'Bench' })
  const gen = prng.create(42)
  const roomIds: string[] = []
  const start = Date.parse('2026-09-21T08:00:00.000Z')
  for (let index = 0; index < CASES; index++) {
    const opened = start + prng.uint32(gen, 0, 70 * 24 * 60) * 60_000
    const at = (minutes: number): Date => new Date(opened + minutes * 60_000)
    services.now = () => at(0)
    const created = await services.handlers['cases:create']({
      title: `Case ${index} for Acme ${index}`,
      ticket: { system: 'zendesk', id: String(10_000 + index), url: '' },
      customer: `Customer ${index % 97}`,
      priority: prng.oneOf(gen, ['low', 'normal', 'high', 'urgent'] as const),
      swarmType: prng.oneOf(gen, [...SWARM_TYPES]),
    })
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, services.rooms.state(created.roomId))
    const before = Y.encodeStateVector(doc)
    setStatus(doc, memberId, 'swarming', at(5))
    let minutes = 5
    for (let update = 0; update < prng.uint32(gen, 0, 4); update++) {
      minutes += prng.uint32(gen, 10, 300)
      recordSentUpdate(
        doc,
        memberId,
        { text: `Update ${update}`, html: '', contentHash: '' },
        { via: 'manual', now: at(minutes) },
      )
    }
    for (let note = 0; note < 10; note++) {
      logEvent(doc, memberId, 'role-changed', `Note ${note}`, {}, { now: at(minutes + note) })
    }
    if (prng.bool(gen))
      setStatus(doc, memberId, 'resolved', at(minutes + prng.uint32(gen, 10, 900)))
    setCauses(doc, memberId, [prng.oneOf(gen, CAUSES)])
    services.rooms.append(created.roomId, Y.encodeStateAsUpdate(doc, before))
    doc.destroy()
    roomIds.push(created.roomId)
  }
  await services.shutdown()
  return roomIds
}

interface BareFacts {
  createdAt: number
  resolvedAt: number | null
  events: number
}

/** No Swarmroom code but reading the logs: yjs, then each timeline as plain JSON. */
function bareFacts(services: MainServices, roomIds: readonly string[]): BareFacts[] {
  return roomIds.map((roomId) => {
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, services.rooms.readState(roomId) ?? new Uint8Array([0, 0]))
    const meta = doc.getMap('meta').toJSON() as { createdAt: string }
    const entries = doc.getArray('actions').toJSON() as {
      kind: string
      time: string
      data?: { to?: string }
    }[]
    doc.getArray('updates').toJSON()
    const resolved = entries.find(
      (entry) => entry.kind === 'status-changed' && entry.data?.to === 'resolved',
    )
    doc.destroy()
    return {
      createdAt: Date.parse(meta.createdAt),
      resolvedAt: resolved ? Date.parse(resolved.time) : null,
      events: entries.length,
    }
  })
}
const bareReport = (facts: readonly BareFacts[]): number => {
  const times = facts.flatMap((fact) =>
    fact.resolvedAt === null ? [] : [fact.resolvedAt - fact.createdAt],
  )
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? 0
}

const roomIds = await createCases()
const first = { swarmroom: [] as number[], bare: [] as number[] }
const repeated = { swarmroom: [] as number[], bare: [] as number[] }
let counted = 0
for (let run = 0; run < RUNS; run++) {
  const services = await open()
  let started = performance.now()
  const report = await services.insights.report({ groupBy: 'week', filter })
  first.swarmroom.push(performance.now() - started)
  counted = report.total.cases
  started = performance.now()
  const facts = bareFacts(services, roomIds)
  bareReport(facts)
  first.bare.push(performance.now() - started)
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    started = performance.now()
    await services.insights.report({
      groupBy: GROUPINGS[repeat % GROUPINGS.length] ?? 'week',
      filter,
    })
    repeated.swarmroom.push(performance.now() - started)
    started = performance.now()
    bareReport(facts)
    repeated.bare.push(performance.now() - started)
  }
  await services.shutdown()
}
rmSync(folder, { recursive: true, force: true })

const ratio = (a: number, b: number): number => Number((a / b).toFixed(2))
const result = {
  cases: CASES,
  runs: RUNS,
  firstReportMs: { swarmroom: summary(first.swarmroom), bare: summary(first.bare) },
  repeatedReportMs: { swarmroom: summary(repeated.swarmroom), bare: summary(repeated.bare) },
  firstReportRatio: ratio(summary(first.swarmroom).median, summary(first.bare).median),
  casesCounted: counted,
}
console.error(`${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, Node ${process.version}`)
console.log(JSON.stringify(result, null, 2))
