/**
 * Main keeps one log per case and hands the renderer a merged state. These tests drive it with
 * real Yjs documents and real files: whatever was typed comes back, the log shrinks to one
 * frame on load, and a full disk is reported in words a support agent can act on.
 */
import { existsSync, statSync, symlinkSync, truncateSync, unlinkSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { RoomLog } from '../../../../src/main/services/storage/room-log'
import { RoomStore } from '../../../../src/main/services/storage/room-store'
import { AppError } from '../../../../src/shared/result'
import { recordUpdates } from '../../../fixtures/recorded-updates'
import { useTempFolder } from '../../../fixtures/temp-folder'

const ROOM_ID = 'checkout-outage-eu'

const tempFolder = useTempFolder()
const stores: RoomStore[] = []

afterEach(() => {
  for (const store of stores.splice(0)) store.closeAll()
  vi.restoreAllMocks()
})

function openStore(): RoomStore {
  const store = new RoomStore(tempFolder())
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
  const { log, updates } = RoomLog.open(store.pathOf(ROOM_ID))
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
    expect(damage).toMatchObject({ reason: 'torn', bytes: 8 + lastEdit.length - 2 })
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

    const { log, updates } = RoomLog.open(store.pathOf(ROOM_ID))
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
})
