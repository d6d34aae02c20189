/**
 * Fuzzing room logs on disk: seeded cases of random edits are written through the real
 * RoomStore (encrypted frames), some updates mutated before they are appended (frames that
 * decode as frames but not as updates, or that Yjs refuses to merge), and some files damaged
 * afterwards (cut off, a byte changed). Each log is then opened as the app opens a case, which
 * compacts it. What must hold, and is counted:
 * - no crash: only an AppError (a log that cannot be read at all) may come out, and then the
 *   file is byte for byte as it was;
 * - no frame lost without a copy: every update the log held before opening is in the opened
 *   state or in the set-aside copy of unmergeable updates, and damaged bytes are kept aside;
 * - every opened state renders (the note, the customer reply, the approval hash).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { AtRestKey } from '../../src/main/services/storage/at-rest-key'
import { RoomLog } from '../../src/main/services/storage/room-log'
import { RoomStore } from '../../src/main/services/storage/room-store'
import { approvalStatus } from '../../src/shared/case/approval'
import { initializeCase } from '../../src/shared/case/case-doc'
import { caseNote } from '../../src/shared/case/documents/case-note'
import { customerReply } from '../../src/shared/case/fragments/customer-reply'
import { AppError } from '../../src/shared/result'
import { applyRandomEdits } from '../fixtures/random-case-edits'

export interface LogFuzzOptions {
  logs: number
  seed: number
  /** An empty folder the logs are written in. */
  folder: string
  /** The index of the first log (each log's edits follow from the seed and its index). */
  first?: number
}

export interface LogFuzzFigures {
  logs: number
  frames: number
  /** Logs that could not be read at all and were refused, untouched. */
  refusedWhole: number
  crashes: number
  /** Updates the log held that are neither in the opened state nor in a set-aside copy. */
  framesLost: number
  /** Logs whose damaged bytes were set aside. */
  damagedSetAside: number
  /** Logs with updates that could not be merged, set aside before compaction. */
  unmergeableSetAside: number
  unrenderable: number
  failures: string[]
}

const EDITS_PER_LOG = { min: 2, max: 24 }

export function runLogFuzz(options: LogFuzzOptions): LogFuzzFigures {
  const figures: LogFuzzFigures = {
    logs: 0,
    frames: 0,
    refusedWhole: 0,
    crashes: 0,
    framesLost: 0,
    damagedSetAside: 0,
    unmergeableSetAside: 0,
    unrenderable: 0,
    failures: [],
  }
  const key = AtRestKey.fixed(Buffer.alloc(32, 7))
  const scratch = join(options.folder, 'scratch')
  mkdirSync(scratch, { recursive: true })
  const first = options.first ?? 0
  for (let index = first; index < first + options.logs; index++) {
    const gen = prng.create(options.seed * 1_000_003 + index)
    const roomId = `fuzz${index}`
    const writer = new RoomStore(options.folder, key)
    const frames = caseUpdates(gen, options.seed + index).map((update) => mutate(gen, update))
    writer.create(roomId, frames[0] ?? new Uint8Array())
    for (const frame of frames.slice(1)) writer.append(roomId, frame)
    writer.closeAll()
    const path = writer.pathOf(roomId)
    damage(gen, path)
    figures.logs += 1
    figures.frames += frames.length

    // What the file holds before the app opens it, read from a copy.
    const copy = join(scratch, `${roomId}.ylog`)
    copyFileSync(path, copy)
    let held: Uint8Array[]
    let damagedBytes = 0
    try {
      const opened = RoomLog.open(copy, key)
      held = opened.updates
      damagedBytes = opened.damage?.bytes ?? 0
      opened.log.close()
    } catch {
      held = []
    }
    const before = readFileSync(path)

    const store = new RoomStore(options.folder, key)
    try {
      const loaded = store.load(roomId)
      if (damagedBytes > 0) {
        if (loaded.damage?.bytes === damagedBytes && existsSync(loaded.damage.keptAs)) {
          figures.damagedSetAside += 1
        } else figures.failures.push(`${roomId}: damaged bytes not kept aside`)
      }
      const setAside = loaded.unmerged
        ? framesIn(loaded.unmerged.keptAs, join(scratch, `${roomId}.unmergeable.ylog`), key)
        : []
      if (loaded.unmerged) figures.unmergeableSetAside += 1
      // What the log itself still holds (it is compacted only when it had several frames).
      store.closeAll()
      const stillHeld = framesIn(path, join(scratch, `${roomId}.after.ylog`), key)
      const kept = [...setAside, ...stillHeld]
      for (const update of held) {
        if (contains(loaded.state, update) || kept.some((copy) => same(copy, update))) continue
        figures.framesLost += 1
        figures.failures.push(`${roomId}: an update was neither kept nor set aside`)
      }
      if (!renders(loaded.state)) {
        figures.unrenderable += 1
        figures.failures.push(`${roomId}: the opened state does not render`)
      }
    } catch (error) {
      if (error instanceof AppError && same(readFileSync(path), before)) {
        figures.refusedWhole += 1
      } else {
        figures.crashes += 1
        figures.failures.push(
          `${roomId}: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    } finally {
      store.closeAll()
    }
  }
  return figures
}

/** A case and a few random edits, each edit its own update, as the renderer saves them. */
function caseUpdates(gen: prng.PRNG, seed: number): Uint8Array[] {
  const doc = new Y.Doc({ gc: false })
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  initializeCase(
    doc,
    {
      title: 'Fuzzed case',
      ticket: { system: 'zendesk', id: '1', url: '' },
      customer: 'Acme',
      priority: 'normal',
      swarmType: 'other',
    },
    { memberId: 'fuzz', name: 'Fuzz', color: '#336699' },
    new Date('2026-12-01T00:00:00Z'),
  )
  const edits = prng.int32(gen, EDITS_PER_LOG.min, EDITS_PER_LOG.max)
  for (let edit = 0; edit < edits; edit++) applyRandomEdits(doc, seed * 31 + edit, 1, 'fuzz')
  doc.destroy()
  return updates
}

/** Leaves most updates alone; changes some the way a bad peer or a bad disk would. */
function mutate(gen: prng.PRNG, update: Uint8Array): Uint8Array {
  const roll = prng.int32(gen, 0, 9)
  if (roll > 2 || update.length === 0) return update
  const bytes = Uint8Array.from(update)
  if (roll === 0) {
    const at = prng.int32(gen, 0, bytes.length - 1)
    bytes[at] = (bytes[at] ?? 0) ^ (1 << prng.int32(gen, 0, 7))
    return bytes
  }
  // The app never saves an empty update, so a cut one keeps at least a byte.
  if (roll === 1) return bytes.subarray(0, prng.int32(gen, 1, Math.max(1, bytes.length - 1)))
  return prng.uint8Array(gen, prng.int32(gen, 1, 64))
}

/** Cuts the file off or changes one byte past the header, in about one log in three. */
function damage(gen: prng.PRNG, path: string): void {
  const roll = prng.int32(gen, 0, 5)
  if (roll > 1) return
  const bytes = readFileSync(path)
  if (bytes.length <= 9) return
  const at = prng.int32(gen, 8, bytes.length - 1)
  if (roll === 0) writeFileSync(path, bytes.subarray(0, at))
  else {
    bytes[at] = (bytes[at] ?? 0) ^ 0xff
    writeFileSync(path, bytes)
  }
}

/** The updates a log file holds, read from a copy (opening a log may set parts aside). */
function framesIn(path: string, copy: string, key: AtRestKey): Uint8Array[] {
  copyFileSync(path, copy)
  try {
    const opened = RoomLog.open(copy, key)
    opened.log.close()
    return opened.updates
  } catch {
    return []
  }
}

/**
 * Whether the state already holds everything the update says: applied to a document of the
 * state it changes nothing, and leaves nothing waiting for what it depends on. (Comparing
 * merged bytes would not do: Yjs does not encode one content one way only.)
 */
function contains(state: Uint8Array, update: Uint8Array): boolean {
  const doc = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(doc, state)
    const before = footprint(doc)
    let changed = false
    doc.on('update', () => {
      changed = true
    })
    Y.applyUpdate(doc, update)
    return !changed && footprint(doc) === before
  } catch {
    return false
  } finally {
    doc.destroy()
  }
}

/** What a document holds and what it still waits for, as one comparable string. */
function footprint(doc: Y.Doc): string {
  const missing = doc.store.pendingStructs ? [...doc.store.pendingStructs.missing] : []
  const waitingDeletes = doc.store.pendingDs ? Buffer.from(doc.store.pendingDs).toString('hex') : ''
  return JSON.stringify([
    Buffer.from(Y.encodeStateVector(doc)).toString('hex'),
    missing,
    waitingDeletes,
  ])
}

function renders(state: Uint8Array): boolean {
  const doc = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(doc, state)
    caseNote(doc)
    customerReply(doc)
    approvalStatus(doc)
    return true
  } catch {
    return false
  } finally {
    doc.destroy()
  }
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, at) => byte === b[at])
}
