/**
 * Main keeps one log per case and hands the renderer a merged state. These tests drive it with
 * real Yjs documents and real files: whatever was typed comes back, the log shrinks to one
 * frame on load, and a full disk is reported in words a support agent can act on.
 */
import {
  existsSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { crc32 } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { AppStore } from '../../../../src/main/services/storage/app-store'
import { AtRestKey } from '../../../../src/main/services/storage/at-rest-key'
import { PLAIN_LOG_HEADER, RoomLog } from '../../../../src/main/services/storage/room-log'
import { RoomStore } from '../../../../src/main/services/storage/room-store'
import { SecretStore } from '../../../../src/main/services/storage/secrets'
import { AppError } from '../../../../src/shared/result'
import { testKey } from '../../../fixtures/at-rest-key'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { recordUpdates } from '../../../fixtures/recorded-updates'
import { useTempFolder } from '../../../fixtures/temp-folder'

const ROOM_ID = 'checkout-outage-eu'
const KEY = testKey()

const tempFolder = useTempFolder()
const stores: RoomStore[] = []

afterEach(() => {
  for (const store of stores.splice(0)) store.closeAll()
  vi.restoreAllMocks()
})

function openStore(): RoomStore {
  const store = new RoomStore(tempFolder(), KEY)
  stores.push(store)
  return store
}

interface CaseContent {
  summary: string
  timeline: unknown[]
}

function contentOf(doc: Y.Doc): CaseContent {
  return { summary: doc.getText('summary').toString(), timeline: doc.getArray('timeline').toJSON() }
}

function contentOfState(state: Uint8Array): CaseContent {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const content = contentOf(doc)
  doc.destroy()
  return content
}

interface StartedCase {
  doc: Y.Doc
  /** The state the room was created with. */
  created: Uint8Array
  /** Later edits, in the order they were typed; not yet appended. */
  edits: Uint8Array[]
}

/** Creates a case with a first summary, then edits it in small steps. */
function startCase(store: RoomStore): StartedCase {
  const doc = new Y.Doc()
  doc.getText('summary').insert(0, 'Checkout fails for EU customers.')
  const created = Y.encodeStateAsUpdate(doc)
  store.create(ROOM_ID, created)
  const edits = recordUpdates(doc)
  doc.getText('summary').insert(0, 'P1: ')
  doc.getArray('timeline').push(['09:02 billing engineer paged'])
  doc.getText('summary').delete(4, 'Checkout'.length)
  doc.getText('summary').insert(4, 'Payment')
  doc.getArray('timeline').push(['09:15 rollback started'])
  return { doc, created, edits }
}

/** Number of frames now in the room's log, read through a second handle. */
function framesOnDisk(store: RoomStore): number {
  const { log, updates } = RoomLog.open(store.pathOf(ROOM_ID), KEY)
  log.close()
  return updates.length
}

describe('RoomStore', () => {
  it('loads the same content that was created and edited', () => {
    const store = openStore()
    const { doc, edits } = startCase(store)
    for (const edit of edits) store.append(ROOM_ID, edit)

    const { state, damage } = store.load(ROOM_ID)

    expect(contentOfState(state)).toEqual(contentOf(doc))
    expect(contentOfState(state).summary).toBe('P1: Payment fails for EU customers.')
    expect(damage).toBeUndefined()
  })

  it('compacts the log into one frame when loading', () => {
    const store = openStore()
    const { edits } = startCase(store)
    for (const edit of edits) store.append(ROOM_ID, edit)
    expect(framesOnDisk(store)).toBe(1 + edits.length)

    store.load(ROOM_ID)

    expect(framesOnDisk(store)).toBe(1)
  })

  it('keeps the content of a room after a restart', () => {
    const first = openStore()
    const { doc, edits } = startCase(first)
    for (const edit of edits) first.append(ROOM_ID, edit)
    first.closeAll()

    const { state } = openStore().load(ROOM_ID)

    expect(contentOfState(state)).toEqual(contentOf(doc))
  })

  it('reports a torn tail as damage and returns the edits saved before it', () => {
    const store = openStore()
    const { created, edits } = startCase(store)
    for (const edit of edits) store.append(ROOM_ID, edit)
    store.closeAll()
    const lastEdit = edits.at(-1)
    if (!lastEdit) throw new Error('the case has no edits')
    const path = store.pathOf(ROOM_ID)
    // Cut the last frame (the second timeline entry) two bytes short, as a crash mid-write would.
    truncateSync(path, statSync(path).size - 2)

    const { state, damage } = openStore().load(ROOM_ID)

    const savedBeforeTheTear = new Y.Doc()
    Y.applyUpdate(savedBeforeTheTear, Y.mergeUpdates([created, ...edits.slice(0, -1)]))
    // A frame: its 8-byte header, then the update sealed with a 12-byte IV and a 16-byte tag.
    expect(damage).toMatchObject({ reason: 'torn', bytes: 8 + 12 + lastEdit.length + 16 - 2 })
    expect(existsSync(damage?.keptAs ?? '')).toBe(true)
    expect(contentOfState(state)).toEqual(contentOf(savedBeforeTheTear))
    expect(contentOfState(state).timeline).toEqual(['09:02 billing engineer paged'])
  })

  it('still opens a room whose compaction fails, from the log as it is', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const store = openStore()
    const { doc, edits } = startCase(store)
    for (const edit of edits) store.append(ROOM_ID, edit)
    store.closeAll()

    const loaded = openStore().load(ROOM_ID, {
      beforeRename: () => {
        throw new Error('crash during compaction')
      },
    })

    expect(contentOfState(loaded.state)).toEqual(contentOf(doc))
    expect(framesOnDisk(store)).toBe(1 + edits.length)
  })

  it('removes the log of a deleted room', () => {
    const store = openStore()
    startCase(store)
    expect(existsSync(store.pathOf(ROOM_ID))).toBe(true)

    store.delete(ROOM_ID)

    expect(existsSync(store.pathOf(ROOM_ID))).toBe(false)
  })

  it('compacts a log of many frames when the room is closed', () => {
    const store = openStore()
    const { doc, edits } = startCase(store)
    for (const edit of edits) store.append(ROOM_ID, edit)

    store.close(ROOM_ID)

    const { log, updates } = RoomLog.open(store.pathOf(ROOM_ID), KEY)
    log.close()
    expect(updates).toHaveLength(1)
    expect(contentOfState(updates[0] ?? new Uint8Array())).toEqual(contentOf(doc))
  })

  describe('on a full disk', () => {
    it('refuses an update with a disk-full error and saves the next one once space is free', () => {
      // Dropping the failed handle calls fdatasync, which /dev/full refuses; the store only warns.
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const store = openStore()
      // The room's file points at /dev/full, which fails every write with ENOSPC.
      symlinkSync('/dev/full', store.pathOf(ROOM_ID))
      const doc = new Y.Doc()
      doc.getText('summary').insert(0, 'Typed while the disk was full.')
      const update = Y.encodeStateAsUpdate(doc)

      let error: unknown
      try {
        store.append(ROOM_ID, update)
      } catch (thrown) {
        error = thrown
      }
      expect(error).toBeInstanceOf(AppError)
      expect(error).toMatchObject({
        code: 'disk-full',
        message: expect.stringMatching(/disk is full/),
      })

      unlinkSync(store.pathOf(ROOM_ID))
      store.append(ROOM_ID, update)

      expect(contentOfState(store.load(ROOM_ID).state).summary).toBe(
        'Typed while the disk was full.',
      )
    })
  })

  describe('never dropping a frame without a copy', () => {
    it('sets aside an update that cannot be merged before compacting the log without it', () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const store = openStore()
      const { doc, edits } = startCase(store)
      const [paged, ...rest] = edits
      if (!paged || rest.length === 0) throw new Error('the case has too few edits')
      // A real update with its last byte cut off: it passes the frame's checksum (it was
      // written that way) but Yjs throws when applying it.
      const unmergeable = paged.slice(0, paged.length - 1)
      expect(() => Y.applyUpdate(new Y.Doc(), unmergeable)).toThrow()
      store.append(ROOM_ID, unmergeable)
      for (const edit of edits) store.append(ROOM_ID, edit)
      store.closeAll()
      const framesBefore = framesOnDisk(store)

      const { state, unmerged, damage } = openStore().load(ROOM_ID)

      expect(framesBefore).toBe(2 + edits.length)
      expect(damage).toBeUndefined()
      expect(unmerged).toMatchObject({ count: 1, keptAs: expect.stringContaining('.unmergeable-') })
      const kept = RoomLog.open(unmerged?.keptAs ?? '', KEY)
      kept.log.close()
      expect(kept.updates).toEqual([unmergeable])
      expect(framesOnDisk(store)).toBe(1)
      expect(contentOfState(state)).toEqual(contentOf(doc))
    })

    it('keeps the log as it is when the copy of an unmergeable update cannot be written', () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const store = openStore()
      const { doc, edits } = startCase(store)
      const first = edits[0]
      if (!first) throw new Error('the case has no edits')
      store.append(ROOM_ID, first.slice(0, first.length - 1))
      for (const edit of edits) store.append(ROOM_ID, edit)
      store.closeAll()
      vi.spyOn(RoomLog.prototype, 'keepAside').mockImplementation(() => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
      })

      const { state, unmerged } = openStore().load(ROOM_ID)

      expect(unmerged).toBeUndefined()
      expect(framesOnDisk(store)).toBe(2 + edits.length)
      expect(contentOfState(state)).toEqual(contentOf(doc))
    })
  })

  describe('encrypted at rest', () => {
    it('rewrites an older plain log encrypted the first time its case opens', () => {
      const store = openStore()
      const doc = new Y.Doc()
      doc.getText('summary').insert(0, 'Refund for Maria Keller, invoice INV-20931.')
      const update = Buffer.from(Y.encodeStateAsUpdate(doc))
      const frame = Buffer.alloc(8)
      frame.writeUInt32LE(update.length, 0)
      frame.writeUInt32LE(crc32(update), 4)
      writeFileSync(store.pathOf(ROOM_ID), Buffer.concat([PLAIN_LOG_HEADER, frame, update]))

      const { state } = store.load(ROOM_ID)

      expect(contentOfState(state).summary).toBe('Refund for Maria Keller, invoice INV-20931.')
      const bytes = readFileSync(store.pathOf(ROOM_ID))
      expect(bytes.subarray(0, 8).toString('latin1')).toBe('SWRMLOG\x02')
      expect(bytes.includes(Buffer.from('Maria Keller'))).toBe(false)
      expect(contentOfState(openStore().load(ROOM_ID).state).summary).toContain('INV-20931')
    })

    it('explains a key the keychain no longer gives and leaves the log untouched', async () => {
      const folder = tempFolder()
      const app = await AppStore.open(folder)
      const secrets = new SecretStore(app)
      await secrets.load(new NodeEncryptor())
      const key = new AtRestKey(secrets)
      await key.ensure()
      const first = new RoomStore(folder, key)
      stores.push(first)
      startCase(first)
      first.closeAll()
      await app.flush()
      const original = readFileSync(first.pathOf(ROOM_ID))
      // The keychain was reset: app.json still holds the key, sealed by a key that is gone.
      const resetKeychain = new SecretStore(await AppStore.open(folder))
      await resetKeychain.load(new NodeEncryptor())
      const after = new RoomStore(folder, new AtRestKey(resetKeychain))
      stores.push(after)

      expect(() => after.load(ROOM_ID)).toThrow(
        expect.objectContaining({
          code: 'storage-failed',
          message: expect.stringMatching(/could not read the key .* from the keychain/),
        }),
      )
      expect(() => after.append(ROOM_ID, new Uint8Array([1]))).toThrow(/keychain/)
      expect(readFileSync(first.pathOf(ROOM_ID))).toEqual(original)
    })
  })
})
