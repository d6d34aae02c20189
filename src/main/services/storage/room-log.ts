/**
 * One case's saved history: an append-only file of Yjs updates.
 *
 * Layout: an 8-byte header (`SWRMLOG` and a format version), then frames of
 * `[length: u32 LE][crc32 of payload: u32 LE][payload]`. A frame cut off by a crash or
 * damaged on disk ends the readable part; what follows is copied aside (never deleted) and
 * the log is truncated so new frames land after the last good one.
 *
 * Compaction replaces the whole log with one frame: it writes a temporary file, syncs it and
 * renames it over the log, so a crash at any point leaves either the old or the new log.
 */
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { crc32 } from 'node:zlib'
import { keptAsidePath } from './kept-files'

export const LOG_HEADER = new Uint8Array([0x53, 0x57, 0x52, 0x4d, 0x4c, 0x4f, 0x47, 0x01])
const FRAME_HEADER_BYTES = 8
/** Larger than any update the IPC contract accepts: a length beyond it means damage. */
const MAX_FRAME_BYTES = 256 * 1024 * 1024

export interface LogDamage {
  reason: 'torn' | 'corrupt' | 'not-a-log'
  /** Bytes that could not be read and were set aside. */
  bytes: number
  /** Where those bytes were kept. */
  keptAs: string
}

export interface LogContents {
  updates: Uint8Array[]
  damage?: LogDamage
}

export interface CompactionHooks {
  /** Runs after the temporary file is synced, before it replaces the log (tests crash here). */
  beforeRename?: () => void
}

export class RoomLog {
  private size: number
  private frames: number

  private constructor(
    readonly path: string,
    private fd: number,
    size: number,
    frames: number,
  ) {
    this.size = size
    this.frames = frames
  }

  /**
   * Opens (or creates) the log and reads it. A leftover temporary file from an interrupted
   * compaction is removed: the log it was meant to replace is still whole.
   */
  static open(path: string, now: () => Date = () => new Date()): { log: RoomLog } & LogContents {
    const leftover = temporaryPath(path)
    if (existsSync(leftover)) unlinkSync(leftover)
    const fd = openSync(path, 'a+')
    try {
      const bytes = readAll(fd)
      const parsed = parseLog(bytes)
      let damage: LogDamage | undefined
      if (parsed.damagedFrom !== undefined) {
        const keptAs = keptAsidePath(path, 'damaged', now())
        writeFileSync(keptAs, bytes.subarray(parsed.damagedFrom), { flag: 'wx' })
        ftruncateSync(fd, parsed.damagedFrom)
        fsyncSync(fd)
        damage = { reason: parsed.reason, bytes: bytes.length - parsed.damagedFrom, keptAs }
      }
      const log = new RoomLog(path, fd, parsed.damagedFrom ?? bytes.length, parsed.updates.length)
      return { log, updates: parsed.updates, ...(damage ? { damage } : {}) }
    } catch (error) {
      closeSync(fd)
      throw error
    }
  }

  /** Frames written since the log was last compacted (or created). */
  get frameCount(): number {
    return this.frames
  }

  get byteSize(): number {
    return this.size
  }

  /** Reads every update now on disk. */
  read(): Uint8Array[] {
    return parseLog(readAll(this.fd)).updates
  }

  /**
   * Appends one update. The write reaches the operating system before this returns, so it
   * survives the app crashing; `sync()` makes it survive a power cut. If the write fails
   * half-way (a full disk), the partial frame is cut off again before the error is thrown.
   */
  append(update: Uint8Array): void {
    if (update.length === 0) throw new Error('An empty update cannot be saved.')
    const frame = encodeFrame(update, this.size === 0)
    try {
      writeFully(this.fd, frame)
    } catch (error) {
      try {
        ftruncateSync(this.fd, this.size)
      } catch {
        // The write error is the one worth reporting; a failed cleanup changes nothing for it.
      }
      throw error
    }
    this.size += frame.length
    this.frames += 1
  }

  /** Flushes appended frames to the disk itself. */
  sync(): void {
    fdatasyncSync(this.fd)
  }

  /** Replaces the log with a single frame holding `state` (the merged document). */
  compact(state: Uint8Array, hooks: CompactionHooks = {}): void {
    const temporary = temporaryPath(this.path)
    const frame = encodeFrame(state, true)
    const tmpFd = openSync(temporary, 'w')
    try {
      writeFully(tmpFd, frame)
      fsyncSync(tmpFd)
    } catch (error) {
      // A half-written copy (a full disk) would only hold on to space; the log is still whole.
      closeSync(tmpFd)
      unlinkSync(temporary)
      throw error
    }
    closeSync(tmpFd)
    hooks.beforeRename?.()
    renameSync(temporary, this.path)
    syncFolder(dirname(this.path))
    closeSync(this.fd)
    this.fd = openSync(this.path, 'a+')
    this.size = frame.length
    this.frames = 1
  }

  close(): void {
    try {
      fdatasyncSync(this.fd)
    } finally {
      closeSync(this.fd)
    }
  }
}

function temporaryPath(path: string): string {
  return `${path}.compacting`
}

type ParsedLog =
  | { updates: Uint8Array[]; damagedFrom?: undefined }
  | { updates: Uint8Array[]; damagedFrom: number; reason: LogDamage['reason'] }

function parseLog(bytes: Buffer): ParsedLog {
  const updates: Uint8Array[] = []
  if (bytes.length === 0) return { updates }
  if (bytes.length < LOG_HEADER.length) {
    const isHeaderStart = bytes.equals(Buffer.from(LOG_HEADER.subarray(0, bytes.length)))
    return { updates, damagedFrom: 0, reason: isHeaderStart ? 'torn' : 'not-a-log' }
  }
  if (!bytes.subarray(0, LOG_HEADER.length).equals(LOG_HEADER)) {
    return { updates, damagedFrom: 0, reason: 'not-a-log' }
  }
  let offset = LOG_HEADER.length
  while (offset < bytes.length) {
    if (bytes.length - offset < FRAME_HEADER_BYTES) {
      return { updates, damagedFrom: offset, reason: 'torn' }
    }
    const length = bytes.readUInt32LE(offset)
    const checksum = bytes.readUInt32LE(offset + 4)
    const start = offset + FRAME_HEADER_BYTES
    // Zero bytes (a power cut can leave them) would pass as empty frames; append never writes one.
    if (length === 0 || length > MAX_FRAME_BYTES) {
      return { updates, damagedFrom: offset, reason: 'corrupt' }
    }
    if (start + length > bytes.length) return { updates, damagedFrom: offset, reason: 'torn' }
    const payload = bytes.subarray(start, start + length)
    if (crc32(payload) !== checksum) return { updates, damagedFrom: offset, reason: 'corrupt' }
    // A plain Uint8Array view, not a Buffer: Yjs decodes Buffers markedly slower (bench/open.ts).
    updates.push(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength))
    offset = start + length
  }
  return { updates }
}

function readAll(fd: number): Buffer {
  const size = fstatSync(fd).size
  const bytes = Buffer.allocUnsafe(size)
  let read = 0
  while (read < size) {
    const count = readSync(fd, bytes, read, size - read, read)
    if (count === 0) break
    read += count
  }
  return bytes.subarray(0, read)
}

function writeFully(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) {
    written += writeSync(fd, bytes, written, bytes.length - written)
  }
}

/** Makes a rename durable. Some platforms (Windows) cannot open a folder; a rename is atomic there. */
function syncFolder(folder: string): void {
  let fd: number | undefined
  try {
    fd = openSync(folder, 'r')
    fsyncSync(fd)
  } catch {
    // Best effort only: the rename itself has already happened atomically.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** One frame of `payload`, led by the file's header when it starts the log. */
function encodeFrame(payload: Uint8Array, withHeader: boolean): Buffer {
  const prefix = withHeader ? LOG_HEADER.length : 0
  const frame = Buffer.allocUnsafe(prefix + FRAME_HEADER_BYTES + payload.length)
  if (withHeader) frame.set(LOG_HEADER, 0)
  frame.writeUInt32LE(payload.length, prefix)
  frame.writeUInt32LE(crc32(payload), prefix + 4)
  frame.set(payload, prefix + FRAME_HEADER_BYTES)
  return frame
}
