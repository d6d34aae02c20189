/**
 * Replays Martin Kleppmann's LaTeX-paper trace (259,778 edits) into a case section through the
 * real room log, one frame per edit; compacts; then measures reopening the case from disk
 * against a bare Y.applyUpdate of the same state, interleaved in the same run.
 * Prints JSON on stdout; the machine it ran on goes to stderr.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { AtRestKey } from '../src/main/services/storage/at-rest-key'
import { RoomStore } from '../src/main/services/storage/room-store'
import { initializeCase, section } from '../src/shared/case/case-doc'
import { loadTrace, type SequentialTrace } from './traces'

const WARMUP_RUNS = 5
const OPEN_RUNS = 31
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const trace = loadTrace<SequentialTrace>('automerge-paper.json.gz')
const folder = mkdtempSync(join(tmpdir(), 'swarmroom-bench-open-'))
const roomId = 'bench-open-paper'
// Logs are sealed with the install's key, as in the app.
const key = AtRestKey.fixed(randomBytes(32))
const rooms = new RoomStore(folder, key)

// As in the app: garbage collection off (docs/case-schema.md).
const doc = new Y.Doc({ gc: false })
initializeCase(
  doc,
  {
    title: 'Paper trace',
    ticket: { system: 'other', id: '', url: '' },
    customer: '',
    priority: 'normal',
    swarmType: 'other',
  },
  { memberId: 'bench', name: 'Bench', color: '#000000' },
)
const summary = section(doc, 'summary')
summary.delete(0, summary.length)
const paragraph = new Y.XmlElement('paragraph')
const text = new Y.XmlText()
paragraph.insert(0, [text])
summary.insert(0, [paragraph])
rooms.create(roomId, Y.encodeStateAsUpdate(doc))

let appendNs = 0n
let edits = 0
doc.on('update', (update: Uint8Array) => {
  const start = process.hrtime.bigint()
  rooms.append(roomId, update)
  appendNs += process.hrtime.bigint() - start
})
const replayStart = process.hrtime.bigint()
for (const txn of trace.txns) {
  for (const [position, deleteCount, insertText] of txn.patches) {
    doc.transact(() => {
      if (deleteCount > 0) text.delete(position, deleteCount)
      if (insertText.length > 0) text.insert(position, insertText)
    })
    edits += 1
  }
}
const replayMs = Number(process.hrtime.bigint() - replayStart) / 1e6
if (text.toString() !== trace.endContent) throw new Error('replay did not reach endContent')

rooms.compact(roomId)
rooms.close(roomId)
const persistedBytes = statSync(rooms.pathOf(roomId)).size
const state = Y.encodeStateAsUpdate(doc)

const openTimes: number[] = []
const bareTimes: number[] = []

function timeOpen(): number {
  gc()
  const start = performance.now()
  const reader = new RoomStore(folder, key)
  const opened = new Y.Doc({ gc: false })
  Y.applyUpdate(opened, reader.load(roomId).state)
  const elapsed = performance.now() - start
  reader.close(roomId)
  if (opened.getXmlFragment('summary').toString() !== summary.toString()) {
    throw new Error('the reopened case differs from the replayed one')
  }
  return elapsed
}

function timeBareApply(): number {
  gc()
  const start = performance.now()
  Y.applyUpdate(new Y.Doc({ gc: false }), state)
  return performance.now() - start
}

// Applying a 300 KB update swings by tens of milliseconds with JIT and GC state, so both
// measurements are warmed up, interleaved, alternate which goes first, and report medians.
for (let run = 0; run < WARMUP_RUNS + OPEN_RUNS; run += 1) {
  let open: number
  let bare: number
  if (run % 2 === 0) {
    open = timeOpen()
    bare = timeBareApply()
  } else {
    bare = timeBareApply()
    open = timeOpen()
  }
  if (run < WARMUP_RUNS) continue
  openTimes.push(open)
  bareTimes.push(bare)
}
rmSync(folder, { recursive: true, force: true })

const openMs = median(openTimes)
const bareApplyMs = median(bareTimes)
const round = (value: number, digits = 3): number => Number(value.toFixed(digits))
console.log(
  JSON.stringify({
    edits,
    appendMsPerEdit: round(Number(appendNs) / 1e6 / edits, 5),
    openMs: round(openMs),
    bareApplyMs: round(bareApplyMs),
    openRatio: round(openMs / bareApplyMs),
    persistedBytes,
    stateBytes: state.length,
    sizeRatio: round(persistedBytes / state.length, 4),
  }),
)
console.error(
  JSON.stringify({
    replayMsPerEdit: round(replayMs / edits, 5),
    openRuns: OPEN_RUNS,
    warmupRuns: WARMUP_RUNS,
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    node: process.version,
    yjs: '13.6',
    date: new Date().toISOString(),
  }),
)
