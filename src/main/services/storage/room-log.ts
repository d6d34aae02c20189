/**
 * One case's saved history: an append-only file of Yjs updates, encrypted at rest.
 *
 * Layout: an 8-byte header (`SWRMLOG` and a format version), then frames of
 * `[length: u32 LE][crc32 of payload: u32 LE][payload]`. In version 2 the payload is the update
 * sealed with the install's key (AES-256-GCM, `at-rest-cipher.ts`), the log's header and the
 * frame's length authenticated with it; version 1 (older installs) holds the update in plain.
 * A version 1 log still opens, takes new frames in its own version, and is written as version 2
 * when it is next compacted.
 *
 * A frame cut off by a crash, damaged on disk, or failing authentication after frames before it
 * passed ends the readable part; what follows is copied aside (never deleted) and the log is
 * truncated so new frames land after the last good one. When the very first frame fails
 * authentication the key is not the one the log was written with: opening fails and the file is
 * left exactly as it is.
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
import { AppError } from '@shared/result'
import { seal, SEAL_OVERHEAD, unseal } from './at-rest-cipher'
import type { AtRestKeySource } from './at-rest-key'
import { keptAsidePath } from './kept-files'

/** Version 1: updates in plain; version 2: each update sealed with the install's key. */
export type LogVersion = 1 | 2
const MAGIC = [0x53, 0x57, 0x52, 0x4d, 0x4c, 0x4f, 0x47]
export const PLAIN_LOG_HEADER = new Uint8Array([...MAGIC, 0x01])
/** The header every log is written with now. */
export const LOG_HEADER = new Uint8Array([...MAGIC, 0x02])
const FRAME_HEADER_BYTES = 8
/** Larger than any update the IPC contract accepts: a length beyond it means damage. */
const MAX_FRAME_BYTES = 256 * 1024 * 1024

export interface LogDamage {
  /** `unauthenticated`: a frame whose checksum holds but whose seal does not (changed on disk). */
  reason: 'torn' | 'corrupt' | 'unauthenticated' | 'not-a-log'
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
  private logVersion: LogVersion

  private constructor(
    readonly path: string,
    private fd: number,
    private readonly key: AtRestKeySource,
    size: number,
    frames: number,
    version: LogVersion,
  ) {
    this.size = size
    this.frames = frames
    this.logVersion = version
  }

  /**
   * Opens (or creates) the log and reads it. A leftover temporary file from an interrupted
   * compaction is removed: the log it was meant to replace is still whole. Throws, leaving the
   * file untouched, when the key cannot be read or is not the one the log was written with.
   */
  static open(
    path: string,
    key: AtRestKeySource,
    now: () => Date = () => new Date(),
  ): { log: RoomLog } & LogContents {
    const fd = openSync(path, 'a+')
    try {
      const bytes = readAll(fd)
      const parsed = parseLog(bytes, key, path)
      const leftover = temporaryPath(path)
      if (existsSync(leftover)) unlinkSync(leftover)
      let damage: LogDamage | undefined
      if (parsed.damagedFrom !== undefined) {
        const keptAs = keptAsidePath(path, 'damaged', now())
        writeFileSync(keptAs, bytes.subarray(parsed.damagedFrom), { flag: 'wx' })
        ftruncateSync(fd, parsed.damagedFrom)
        fsyncSync(fd)
        damage = { reason: parsed.reason, bytes: bytes.length - parsed.damagedFrom, keptAs }
      }
      const size = parsed.damagedFrom ?? bytes.length
      const version = size === 0 ? 2 : parsed.version
      const log = new RoomLog(path, fd, key, size, parsed.updates.length, version)
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

  /** The format on disk: 1 until an older, plain log is first compacted. */
  get version(): LogVersion {
    return this.logVersion
  }

  /** Reads every update now on disk. */
  read(): Uint8Array[] {
    return parseLog(readAll(this.fd), this.key, this.path).updates
  }

  /**
   * Appends one update. The write reaches the operating system before this returns, so it
   * survives the app crashing; `sync()` makes it survive a power cut. If the write fails
   * half-way (a full disk), the partial frame is cut off again before the error is thrown.
   */
  append(update: Uint8Array): void {
    if (update.length === 0) throw new Error('An empty update cannot be saved.')
    const withHeader = this.size === 0
    if (withHeader) this.logVersion = 2
    const frame = encodeFrame(update, withHeader, this.logVersion, this.key)
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
    const frame = encodeFrame(state, true, 2, this.key)
    writeSynced(temporary, frame, 'w')
    hooks.beforeRename?.()
    renameSync(temporary, this.path)
    syncFolder(dirname(this.path))
    closeSync(this.fd)
    this.fd = openSync(this.path, 'a+')
    this.size = frame.length
    this.frames = 1
    this.logVersion = 2
  }

  /**
   * Copies `updates` aside as a log of their own (sealed like this one, so it opens the same
   * way) next to this log, synced, before anything that would drop them; returns its path.
   */
  keepAside(updates: readonly Uint8Array[], label: string, now: Date = new Date()): string {
    const keptAs = keptAsidePath(this.path, label, now)
    const frames = updates.map((update, index) => encodeFrame(update, index === 0, 2, this.key))
    writeSynced(keptAs, Buffer.concat(frames), 'wx')
    return keptAs
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
  | { updates: Uint8Array[]; version: LogVersion; damagedFrom?: undefined }
  | { updates: Uint8Array[]; version: LogVersion; damagedFrom: number; reason: LogDamage['reason'] }

function versionOf(header: Buffer): LogVersion | undefined {
  if (header.equals(LOG_HEADER)) return 2
  if (header.equals(PLAIN_LOG_HEADER)) return 1
  return undefined
}

function parseLog(bytes: Buffer, key: AtRestKeySource, path: string): ParsedLog {
  const updates: Uint8Array[] = []
  if (bytes.length === 0) return { updates, version: 2 }
  if (bytes.length < LOG_HEADER.length) {
    const isHeaderStart = bytes.equals(Buffer.from(LOG_HEADER.subarray(0, bytes.length)))
    return { updates, version: 2, damagedFrom: 0, reason: isHeaderStart ? 'torn' : 'not-a-log' }
  }
  const version = versionOf(bytes.subarray(0, LOG_HEADER.length))
  if (version === undefined) return { updates, version: 2, damagedFrom: 0, reason: 'not-a-log' }
  const damaged = (offset: number, reason: LogDamage['reason']): ParsedLog => ({
    updates,
    version,
    damagedFrom: offset,
    reason,
  })
  let offset = LOG_HEADER.length
  while (offset < bytes.length) {
    if (bytes.length - offset < FRAME_HEADER_BYTES) return damaged(offset, 'torn')
    const length = bytes.readUInt32LE(offset)
    const checksum = bytes.readUInt32LE(offset + 4)
    const start = offset + FRAME_HEADER_BYTES
    // Zero bytes (a power cut can leave them) would pass as empty frames; append never writes one.
    if (length === 0 || length > MAX_FRAME_BYTES) return damaged(offset, 'corrupt')
    if (start + length > bytes.length) return damaged(offset, 'torn')
    const payload = bytes.subarray(start, start + length)
    if (crc32(payload) !== checksum) return damaged(offset, 'corrupt')
    let update: Uint8Array = payload
    if (version === 2) {
      const opened = unseal(key.get(), payload, additionalData(length))
      // The first frame is whole but does not open: the key is another one, not the file damaged.
      if (!opened && updates.length === 0) throw wrongKey(path)
      if (!opened) return damaged(offset, 'unauthenticated')
      update = opened
    }
    // A plain Uint8Array view, not a Buffer: Yjs decodes Buffers markedly slower (bench/open.ts).
    updates.push(new Uint8Array(update.buffer, update.byteOffset, update.byteLength))
    offset = start + length
  }
  return { updates, version }
}

/** What a version 2 frame's seal authenticates: the log's header and the frame's length. */
function additionalData(length: number): Buffer {
  const data = Buffer.allocUnsafe(LOG_HEADER.length + 4)
  data.set(LOG_HEADER, 0)
  data.writeUInt32LE(length, LOG_HEADER.length)
  return data
}

function wrongKey(path: string): AppError {
  return new AppError(
    'storage-failed',
    'This case was saved with a different key than the one in this computer’s keychain (the ' +
      'keychain may have been reset, or the file was copied from another computer), so ' +
      `Swarmroom cannot open it. The file was left untouched at ${path}. Restore the keychain ` +
      'and restart Swarmroom, or ask a teammate for a new invite link to get the case back.',
  )
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

/** Writes `bytes` to a new file and syncs it; a half-written file (a full disk) is removed. */
function writeSynced(path: string, bytes: Uint8Array, flag: 'w' | 'wx'): void {
  const fd = openSync(path, flag)
  try {
    writeFully(fd, bytes)
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    unlinkSync(path)
    throw error
  }
  closeSync(fd)
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

/** One frame of `update` in `version`, led by the file's header when it starts the log. */
function encodeFrame(
  update: Uint8Array,
  withHeader: boolean,
  version: LogVersion,
  key: AtRestKeySource,
): Buffer {
  const header = version === 2 ? LOG_HEADER : PLAIN_LOG_HEADER
  const length = version === 2 ? update.length + SEAL_OVERHEAD : update.length
  const payload = version === 2 ? seal(key.get(), update, additionalData(length)) : update
  const prefix = withHeader ? header.length : 0
  const frame = Buffer.allocUnsafe(prefix + FRAME_HEADER_BYTES + payload.length)
  if (withHeader) frame.set(header, 0)
  frame.writeUInt32LE(payload.length, prefix)
  frame.writeUInt32LE(crc32(payload), prefix + 4)
  frame.set(payload, prefix + FRAME_HEADER_BYTES)
  return frame
}
