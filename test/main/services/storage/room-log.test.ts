/**
 * The room log is the only copy of a case on this computer, so damage must never spread: a
 * frame cut off by a crash or changed on disk ends the readable part, the bytes after it are
 * kept aside, and the log keeps working from the last good frame.
 */
import {
  existsSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  LOG_HEADER,
  PLAIN_LOG_HEADER,
  RoomLog,
  type LogContents,
} from '../../../../src/main/services/storage/room-log'
import { AppError } from '../../../../src/shared/result'
import { testKey } from '../../../fixtures/at-rest-key'
import { useTempFolder } from '../../../fixtures/temp-folder'

const FRAME_HEADER_BYTES = 8
/** A version 2 payload is the update with a 12-byte IV before it and a 16-byte tag after it. */
const SEAL_BYTES = 28
const KEY = testKey()
const PAYLOADS = ['first edit', 'second edit, a little longer', 'third edit']

const tempFolder = useTempFolder()

function logPath(): string {
  return join(tempFolder(), 'case.ylog')
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

function textsOf(updates: readonly Uint8Array[]): string[] {
  return updates.map((update) => Buffer.from(update).toString('utf8'))
}

/** Writes a log holding `payloads` and returns its bytes. */
function writeLog(path: string, payloads: readonly string[]): Buffer {
  const { log } = RoomLog.open(path, KEY)
  for (const payload of payloads) log.append(bytesOf(payload))
  log.close()
  return readFileSync(path)
}

/** Where frame `index` (from 0) starts in a log holding `payloads`. */
function frameStart(payloads: readonly string[], index: number): number {
  return payloads
    .slice(0, index)
    .reduce(
      (offset, payload) => offset + FRAME_HEADER_BYTES + SEAL_BYTES + bytesOf(payload).length,
      8,
    )
}

/** Opens the log, reads it and closes it again, as a restarted app would. */
function reopen(path: string): LogContents {
  const { log, ...contents } = RoomLog.open(path, KEY)
  log.close()
  return contents
}

/** A log as versions before encryption wrote it: the plain header, then plain frames. */
function plainLog(payloads: readonly string[]): Buffer {
  const frames = payloads.map((payload) => {
    const bytes = Buffer.from(bytesOf(payload))
    const header = Buffer.alloc(FRAME_HEADER_BYTES)
    header.writeUInt32LE(bytes.length, 0)
    header.writeUInt32LE(crc32(bytes), 4)
    return Buffer.concat([header, bytes])
  })
  return Buffer.concat([PLAIN_LOG_HEADER, ...frames])
}

describe('RoomLog', () => {
  it('returns the appended updates in order after reopening', () => {
    const path = logPath()
    const bytes = writeLog(path, PAYLOADS)

    const contents = reopen(path)

    expect(textsOf(contents.updates)).toEqual(PAYLOADS)
    expect(contents.damage).toBeUndefined()
    expect(bytes.subarray(0, LOG_HEADER.length)).toEqual(Buffer.from('SWRMLOG\x02', 'latin1'))
  })

  describe('with a torn tail', () => {
    const thirdFrame = frameStart(PAYLOADS, 2)
    const cuts = [
      { where: 'in its payload', cutAt: thirdFrame + FRAME_HEADER_BYTES + 3 },
      { where: 'in its header', cutAt: thirdFrame + 5 },
    ]

    it.each(cuts)('keeps the frames written before a frame cut off $where', ({ cutAt }) => {
      const path = logPath()
      const original = writeLog(path, PAYLOADS)
      truncateSync(path, cutAt)

      const { updates, damage } = reopen(path)

      expect(textsOf(updates)).toEqual(PAYLOADS.slice(0, 2))
      expect(damage).toMatchObject({ reason: 'torn', bytes: cutAt - thirdFrame })
      expect(readFileSync(damage?.keptAs ?? '')).toEqual(original.subarray(thirdFrame, cutAt))
      expect(statSync(path).size).toBe(thirdFrame)
    })

    it.each(cuts)(
      'writes new updates right after the last good frame once a frame cut off $where is set aside',
      ({ cutAt }) => {
        const path = logPath()
        writeLog(path, PAYLOADS)
        truncateSync(path, cutAt)

        const { log } = RoomLog.open(path, KEY)
        log.append(bytesOf('typed after the crash'))
        log.close()
        const contents = reopen(path)

        expect(textsOf(contents.updates)).toEqual([
          ...PAYLOADS.slice(0, 2),
          'typed after the crash',
        ])
        expect(contents.damage).toBeUndefined()
      },
    )

    it('treats a file cut off inside its own header as torn rather than foreign', () => {
      const path = logPath()
      writeFileSync(path, LOG_HEADER.subarray(0, 5))

      const { log, updates, damage } = RoomLog.open(path, KEY)
      log.append(bytesOf('first edit after the crash'))
      log.close()

      expect(updates).toEqual([])
      expect(damage).toMatchObject({ reason: 'torn', bytes: 5 })
      expect(textsOf(reopen(path).updates)).toEqual(['first edit after the crash'])
    })
  })

  describe('with a corrupt frame', () => {
    it('opens the frames before a changed payload and keeps that frame and the rest aside', () => {
      const path = logPath()
      const original = writeLog(path, PAYLOADS)
      const secondFrame = frameStart(PAYLOADS, 1)
      const damaged = Buffer.from(original)
      const flipAt = secondFrame + FRAME_HEADER_BYTES + 4
      damaged[flipAt] = (damaged[flipAt] ?? 0) ^ 0xff
      writeFileSync(path, damaged)

      const { log, updates, damage } = RoomLog.open(path, KEY)
      log.append(bytesOf('typed after the damage'))
      log.close()

      expect(textsOf(updates)).toEqual(PAYLOADS.slice(0, 1))
      expect(damage).toMatchObject({ reason: 'corrupt', bytes: original.length - secondFrame })
      expect(readFileSync(damage?.keptAs ?? '')).toEqual(damaged.subarray(secondFrame))
      expect(textsOf(reopen(path).updates)).toEqual([PAYLOADS[0], 'typed after the damage'])
    })
  })

  describe('encrypted at rest', () => {
    const CASE_TEXT = 'Maria Keller, card ending 4242, charged twice for invoice INV-20931'

    it('keeps no case text readable in the file', () => {
      const path = logPath()
      const bytes = writeLog(path, [CASE_TEXT, `Summary: ${CASE_TEXT}`])

      expect(bytes.includes(Buffer.from(CASE_TEXT))).toBe(false)
      expect(bytes.includes(Buffer.from('INV-20931'))).toBe(false)
      expect(textsOf(reopen(path).updates)).toEqual([CASE_TEXT, `Summary: ${CASE_TEXT}`])
    })

    it('refuses to open with another key, saying so, and leaves the file byte for byte as it was', () => {
      const path = logPath()
      const original = writeLog(path, PAYLOADS)
      const otherKey = testKey()

      let error: unknown
      try {
        RoomLog.open(path, otherKey)
      } catch (thrown) {
        error = thrown
      }

      expect(error).toBeInstanceOf(AppError)
      expect(error).toMatchObject({
        code: 'storage-failed',
        message: expect.stringMatching(/different key than the one in this computer’s keychain/),
      })
      expect((error as Error).message).toContain(`left untouched at ${path}`)
      expect(readFileSync(path)).toEqual(original)
      expect(textsOf(reopen(path).updates)).toEqual(PAYLOADS)
    })

    it('sets aside a last frame whose checksum holds but whose seal does not', () => {
      const path = logPath()
      const original = writeLog(path, PAYLOADS)
      const thirdFrame = frameStart(PAYLOADS, 2)
      const changed = Buffer.from(original)
      const payloadAt = thirdFrame + FRAME_HEADER_BYTES
      const flipAt = payloadAt + 12 + 2
      changed[flipAt] = (changed[flipAt] ?? 0) ^ 0x01
      // Someone who changes the bytes can fix the checksum too; only the seal tells.
      changed.writeUInt32LE(crc32(changed.subarray(payloadAt)), thirdFrame + 4)
      writeFileSync(path, changed)

      const { updates, damage } = reopen(path)

      expect(textsOf(updates)).toEqual(PAYLOADS.slice(0, 2))
      expect(damage).toMatchObject({
        reason: 'unauthenticated',
        bytes: original.length - thirdFrame,
      })
      expect(readFileSync(damage?.keptAs ?? '')).toEqual(changed.subarray(thirdFrame))
      expect(statSync(path).size).toBe(thirdFrame)
    })

    it('opens an older plain log, adds to it in its own format, and encrypts it when compacting', () => {
      const path = logPath()
      writeFileSync(path, plainLog(PAYLOADS))

      const { log, updates } = RoomLog.open(path, KEY)
      expect(textsOf(updates)).toEqual(PAYLOADS)
      expect(log.version).toBe(1)
      log.append(bytesOf('typed after the update'))
      expect(readFileSync(path).includes(Buffer.from('typed after the update'))).toBe(true)
      log.compact(bytesOf(`merged: ${PAYLOADS.join(', ')}`))
      log.close()

      const bytes = readFileSync(path)
      expect(bytes.subarray(0, LOG_HEADER.length)).toEqual(Buffer.from(LOG_HEADER))
      expect(bytes.includes(Buffer.from('second edit'))).toBe(false)
      expect(textsOf(reopen(path).updates)).toEqual([`merged: ${PAYLOADS.join(', ')}`])
    })
  })

  describe('with a file that is not a log', () => {
    it('keeps the whole file aside and opens as an empty log that accepts updates', () => {
      const path = logPath()
      const foreign = Buffer.from('{"notes": "somebody saved a JSON file here"}\n')
      writeFileSync(path, foreign)

      const { log, updates, damage } = RoomLog.open(path, KEY)
      log.append(bytesOf('a fresh start'))
      log.close()

      expect(updates).toEqual([])
      expect(damage).toMatchObject({ reason: 'not-a-log', bytes: foreign.length })
      expect(readFileSync(damage?.keptAs ?? '')).toEqual(foreign)
      expect(readFileSync(path).subarray(0, LOG_HEADER.length)).toEqual(Buffer.from(LOG_HEADER))
      expect(textsOf(reopen(path).updates)).toEqual(['a fresh start'])
    })
  })

  describe('compaction', () => {
    it('replaces the log with one frame holding the given state', () => {
      const path = logPath()
      const { log } = RoomLog.open(path, KEY)
      for (const payload of PAYLOADS) log.append(bytesOf(payload))

      log.compact(bytesOf('merged state'))

      expect(log.frameCount).toBe(1)
      expect(textsOf(log.read())).toEqual(['merged state'])
      log.append(bytesOf('typed after compaction'))
      log.close()
      expect(textsOf(reopen(path).updates)).toEqual(['merged state', 'typed after compaction'])
    })

    it('keeps the original log when the app crashes between writing the new one and renaming it', () => {
      const path = logPath()
      const { log } = RoomLog.open(path, KEY)
      for (const payload of PAYLOADS) log.append(bytesOf(payload))

      expect(() =>
        log.compact(bytesOf('merged state'), {
          beforeRename: () => {
            throw new Error('crash')
          },
        }),
      ).toThrow('crash')
      log.close()
      expect(existsSync(`${path}.compacting`)).toBe(true)

      const contents = reopen(path)

      expect(textsOf(contents.updates)).toEqual(PAYLOADS)
      expect(contents.damage).toBeUndefined()
      expect(existsSync(`${path}.compacting`)).toBe(false)
    })
  })

  describe('kept-aside files', () => {
    it('never overwrites bytes set aside earlier, even within the same millisecond', () => {
      const path = logPath()
      const now = (): Date => new Date('2026-11-20T09:00:00.000Z')
      writeLog(path, ['good'])
      writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from([9, 0, 0])]))
      const first = RoomLog.open(path, KEY, now)
      first.log.close()
      writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from([7, 7, 7, 7, 7])]))
      const second = RoomLog.open(path, KEY, now)
      second.log.close()

      expect(first.damage?.keptAs).not.toBe(second.damage?.keptAs)
      expect(readFileSync(first.damage?.keptAs ?? '')).toEqual(Buffer.from([9, 0, 0]))
      expect(readFileSync(second.damage?.keptAs ?? '')).toEqual(Buffer.from([7, 7, 7, 7, 7]))
    })
  })

  it('reads a tail of zero bytes, as a power cut can leave, as damage rather than empty frames', () => {
    const path = logPath()
    writeLog(path, PAYLOADS)
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.alloc(24)]))

    const contents = reopen(path)

    expect(textsOf(contents.updates)).toEqual(PAYLOADS)
    expect(contents.damage).toMatchObject({ reason: 'corrupt', bytes: 24 })
  })

  it('refuses to append an empty update', () => {
    const { log } = RoomLog.open(logPath(), KEY)
    expect(() => log.append(new Uint8Array(0))).toThrow(/empty update/)
    log.close()
  })

  it('hands out plain Uint8Arrays, which Yjs decodes faster than Buffers', () => {
    const path = logPath()
    writeLog(path, PAYLOADS)
    for (const update of reopen(path).updates) {
      expect(Buffer.isBuffer(update)).toBe(false)
      expect(update).toBeInstanceOf(Uint8Array)
    }
  })

  describe('on a full disk', () => {
    it('removes its half-written copy and keeps the log whole when compaction runs out of space', () => {
      const path = logPath()
      const { log } = RoomLog.open(path, KEY)
      for (const payload of PAYLOADS) log.append(bytesOf(payload))
      // The temporary file lands on /dev/full, where every write fails with ENOSPC.
      symlinkSync('/dev/full', `${path}.compacting`)

      expect(() => log.compact(bytesOf('merged state'))).toThrow(
        expect.objectContaining({ code: 'ENOSPC' }),
      )
      expect(existsSync(`${path}.compacting`)).toBe(false)
      log.append(bytesOf('typed after the failed compaction'))
      log.close()
      expect(textsOf(reopen(path).updates)).toEqual([
        ...PAYLOADS,
        'typed after the failed compaction',
      ])
    })

    it('throws ENOSPC from append', () => {
      // /dev/full accepts the open and fails every write with ENOSPC, like a full disk.
      expect(statSync('/dev/full').isCharacterDevice()).toBe(true)
      const { log, updates } = RoomLog.open('/dev/full', KEY)
      try {
        expect(updates).toEqual([])
        expect(() => log.append(bytesOf('no room for this'))).toThrow(
          expect.objectContaining({ code: 'ENOSPC' }),
        )
      } finally {
        try {
          log.close()
        } catch {
          // fdatasync on /dev/full fails with EINVAL; close() releases the descriptor all the same.
        }
      }
    })
  })
})
