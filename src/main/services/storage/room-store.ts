/**
 * Every case's room log, by room id. Main never keeps a live document: it merges a log's
 * updates into one state only to hand it to the renderer and to compact the log.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { AppError } from '@shared/result'
import type { AtRestKeySource } from './at-rest-key'
import { RoomLog, type CompactionHooks, type LogDamage } from './room-log'
import { storageError } from './storage-errors'

/** How long appended frames wait before being synced to the disk itself. */
const SYNC_DELAY_MS = 1000
/** A log with this many frames is compacted once typing pauses. */
const COMPACT_AFTER_FRAMES = 10_000

export interface LoadedRoom {
  /** The whole document as one Yjs update. */
  state: Uint8Array
  damage?: LogDamage
  /** Updates that could not be merged, copied aside before the log was compacted without them. */
  unmerged?: UnmergedUpdates
}

export interface UnmergedUpdates {
  count: number
  /** A log of their own (`<log>.unmergeable-<time>`), sealed with the same key. */
  keptAs: string
}

export interface MergedUpdates {
  state: Uint8Array
  /** Updates Yjs refused to apply, in log order; the state holds everything else. */
  rejected: Uint8Array[]
}

export class RoomStore {
  private readonly logs = new Map<string, RoomLog>()
  private readonly syncTimers = new Map<string, ReturnType<typeof setTimeout>>()
  readonly folder: string

  /** @param key the install's key: logs are sealed with it and opened only with it. */
  constructor(
    dataFolder: string,
    private readonly key: AtRestKeySource,
  ) {
    this.folder = join(dataFolder, 'rooms')
    mkdirSync(this.folder, { recursive: true })
  }

  pathOf(roomId: string): string {
    return join(this.folder, `${roomId}.ylog`)
  }

  /** Writes a brand-new room's first state. */
  create(roomId: string, state: Uint8Array): void {
    this.append(roomId, state)
    this.sync(roomId)
  }

  /**
   * Reads the room, compacting its log into one frame when it holds more than one or is still
   * in the older, plain format (so an old log is encrypted the first time its case opens).
   */
  load(roomId: string, hooks?: CompactionHooks): LoadedRoom {
    this.closeLog(roomId)
    const { log, updates, damage } = this.guard(roomId, () => this.openFile(roomId))
    this.logs.set(roomId, log)
    const merged = mergeLog(updates)
    let unmerged: UnmergedUpdates | undefined
    if (updates.length > 1 || log.version === 1) {
      this.tryCompact(roomId, () => {
        unmerged = this.compactWith(roomId, log, merged, hooks)
      })
    }
    return {
      state: merged.state,
      ...(damage ? { damage } : {}),
      ...(unmerged ? { unmerged } : {}),
    }
  }

  /** The whole document as one update, read without compacting the log (empty if none). */
  state(roomId: string): Uint8Array {
    return this.readState(roomId) ?? Y.encodeStateAsUpdate(new Y.Doc())
  }

  /**
   * The room's merged state for reading only (search): the log is neither compacted nor kept
   * open, and an open room's log stays as it is. Null when the room has no log.
   */
  readState(roomId: string): Uint8Array | null {
    const open = this.logs.get(roomId)
    if (open) {
      const updates = this.guard(roomId, () => open.read())
      return updates.length === 0 ? null : mergeUpdates(updates)
    }
    if (!existsSync(this.pathOf(roomId))) return null
    const { log, updates } = this.guard(roomId, () => this.openFile(roomId))
    log.close()
    return updates.length === 0 ? null : mergeUpdates(updates)
  }

  append(roomId: string, update: Uint8Array): void {
    const log = this.openLog(roomId)
    try {
      log.append(update)
    } catch (error) {
      // Drop the handle: the next attempt reopens the file and checks it from the start.
      this.closeLog(roomId)
      throw storageError(error, 'the latest change to this case', this.folder)
    }
    this.scheduleSync(roomId)
  }

  /** Compacts the log of an open room now. */
  compact(roomId: string, hooks?: CompactionHooks): void {
    const log = this.openLog(roomId)
    this.guard(roomId, () => this.compactWith(roomId, log, mergeLog(log.read()), hooks))
  }

  sync(roomId: string): void {
    clearTimeout(this.syncTimers.get(roomId))
    this.syncTimers.delete(roomId)
    const log = this.logs.get(roomId)
    if (log) this.guard(roomId, () => log.sync())
  }

  close(roomId: string): void {
    const log = this.logs.get(roomId)
    try {
      if (log && (log.frameCount > 1 || log.version === 1))
        this.tryCompact(roomId, () => this.compactWith(roomId, log, mergeLog(log.read())))
    } finally {
      this.closeLog(roomId)
    }
  }

  delete(roomId: string): void {
    this.closeLog(roomId)
    rmSync(this.pathOf(roomId), { force: true })
  }

  closeAll(): void {
    for (const roomId of [...this.logs.keys()]) this.closeLog(roomId)
  }

  private openLog(roomId: string): RoomLog {
    const open = this.logs.get(roomId)
    if (open) return open
    const { log } = this.guard(roomId, () => this.openFile(roomId))
    this.logs.set(roomId, log)
    return log
  }

  private openFile(roomId: string): ReturnType<typeof RoomLog.open> {
    return RoomLog.open(this.pathOf(roomId), this.key)
  }

  /**
   * Replaces the log with `merged.state`. An update that could not be merged is copied aside
   * first, and if that copy cannot be written the log is not compacted: no frame is ever
   * dropped without a copy.
   */
  private compactWith(
    roomId: string,
    log: RoomLog,
    merged: MergedUpdates,
    hooks?: CompactionHooks,
  ): UnmergedUpdates | undefined {
    let unmerged: UnmergedUpdates | undefined
    if (merged.rejected.length > 0) {
      const keptAs = log.keepAside(merged.rejected, 'unmergeable')
      unmerged = { count: merged.rejected.length, keptAs }
      console.warn(`room ${roomId}: ${unmerged.count} unmergeable update(s) kept as ${keptAs}`)
    }
    log.compact(merged.state, hooks)
    return unmerged
  }

  private closeLog(roomId: string): void {
    clearTimeout(this.syncTimers.get(roomId))
    this.syncTimers.delete(roomId)
    const log = this.logs.get(roomId)
    this.logs.delete(roomId)
    try {
      log?.close()
    } catch (error) {
      console.warn(`closing the log of room ${roomId} failed`, error)
    }
  }

  private scheduleSync(roomId: string): void {
    if (this.syncTimers.has(roomId)) return
    const timer = setTimeout(() => {
      this.syncTimers.delete(roomId)
      try {
        const log = this.logs.get(roomId)
        log?.sync()
        if (log && log.frameCount >= COMPACT_AFTER_FRAMES) {
          this.tryCompact(roomId, () => this.compactWith(roomId, log, mergeLog(log.read())))
        }
      } catch (error) {
        console.error(`syncing room ${roomId} failed`, error)
      }
    }, SYNC_DELAY_MS)
    timer.unref?.()
    this.syncTimers.set(roomId, timer)
  }

  /**
   * Compaction only saves space: when it fails (a full disk) the log is still whole and the
   * case opens from it, so the failure is logged rather than shown.
   */
  private tryCompact(roomId: string, compact: () => void): void {
    try {
      compact()
    } catch (error) {
      console.warn(`compacting the log of room ${roomId} failed; it stays as it is`, error)
    }
  }

  private guard<T>(roomId: string, work: () => T): T {
    try {
      return work()
    } catch (error) {
      if (error instanceof AppError) throw error
      throw storageError(error, `case ${roomId}`, this.folder)
    }
  }
}

/**
 * Merges a log's updates into one. Garbage collection stays off, as in the app's documents:
 * deleted content is kept for review mode's history and authorship (docs/case-schema.md).
 * An update Yjs refuses (it passed its checksum but is not a valid update) is left out of the
 * state and returned in `rejected`, so that the caller keeps a copy before dropping it.
 */
export function mergeLog(updates: readonly Uint8Array[]): MergedUpdates {
  // One frame (a compacted log) is the state itself, once it is known to read back.
  if (updates.length === 1 && updates[0] && readsBack(updates[0])) {
    return { state: updates[0], rejected: [] }
  }
  const rejected: Uint8Array[] = []
  const doc = new Y.Doc({ gc: false })
  doc.transact(() => {
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update)
      } catch (error) {
        rejected.push(update)
        console.warn('an update in a room log could not be merged', error)
      }
    }
  })
  let state = Y.encodeStateAsUpdate(doc)
  // An update can also apply without throwing yet wait for something the log no longer holds
  // (an earlier frame cut off or refused). What waits is kept in the state as Yjs received
  // it, and a mutated one may not even read back: then the state keeps only what the
  // document took in. Either way, whatever the state does not hold is set aside too, so
  // compaction never drops an update without a copy.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    if (!readsBack(state)) {
      doc.store.pendingStructs = null
      doc.store.pendingDs = null
      state = Y.encodeStateAsUpdate(doc)
    }
    for (const update of updates) {
      if (!rejected.includes(update) && !stateHolds(state, update)) rejected.push(update)
    }
  }
  doc.destroy()
  // A mutated update can also leave the state unreadable in its own parts (a delete set no
  // document can apply): then the state is built again from the updates that keep it readable,
  // and the others are set aside with the rest. Only a damaged log comes here.
  if (!readsBack(state)) state = readableState(updates, rejected)
  return { state, rejected }
}

/** The state of the updates that keep it readable, one by one; the others join `rejected`. */
function readableState(updates: readonly Uint8Array[], rejected: Uint8Array[]): Uint8Array {
  let state = Y.encodeStateAsUpdate(new Y.Doc())
  for (const update of updates) {
    if (rejected.includes(update)) continue
    const doc = new Y.Doc({ gc: false })
    try {
      Y.applyUpdate(doc, state)
      Y.applyUpdate(doc, update)
      const next = Y.encodeStateAsUpdate(doc)
      if (readsBack(next)) {
        state = next
        continue
      }
    } catch {
      // Set aside below.
    } finally {
      doc.destroy()
    }
    rejected.push(update)
  }
  return state
}

function readsBack(state: Uint8Array): boolean {
  const doc = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(doc, state)
    return true
  } catch {
    return false
  } finally {
    doc.destroy()
  }
}

/** Whether applying `update` to a document of `state` adds nothing and waits for nothing. */
function stateHolds(state: Uint8Array, update: Uint8Array): boolean {
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
  const deletes = doc.store.pendingDs ? Array.from(doc.store.pendingDs).join(',') : ''
  return JSON.stringify([Array.from(Y.encodeStateVector(doc)).join(','), missing, deletes])
}

/** The merged state of `updates`, for callers that do not rewrite the log. */
export function mergeUpdates(updates: readonly Uint8Array[]): Uint8Array {
  return mergeLog(updates).state
}
