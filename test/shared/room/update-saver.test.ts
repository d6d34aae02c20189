/**
 * The saver is what stands between a keystroke and the disk. Driven against the real RoomStore:
 * when the disk is full it must keep every edit, say why, and save all of them once space is
 * freed; edits typed while a save is under way must ride along in a later batch.
 */
import { symlinkSync, unlinkSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { RoomStore } from '../../../src/main/services/storage/room-store'
import { testKey } from '../../fixtures/at-rest-key'
import { AppError, type Result } from '../../../src/shared/result'
import { UpdateSaver } from '../../../src/shared/room/update-saver'
import { useTempFolder } from '../../fixtures/temp-folder'

const ROOM_ID = 'refunds-stuck-pending'
const RETRY_DELAYS_MS = [10, 20]

const KEY = testKey()
const tempFolder = useTempFolder()
const stores: RoomStore[] = []
const savers: UpdateSaver[] = []

afterEach(() => {
  for (const saver of savers.splice(0)) saver.dispose()
  for (const store of stores.splice(0)) store.closeAll()
  vi.restoreAllMocks()
})

function openStore(): RoomStore {
  const store = new RoomStore(tempFolder(), KEY)
  stores.push(store)
  return store
}

function startSaver(append: (update: Uint8Array) => Promise<Result<null>>): UpdateSaver {
  const saver = new UpdateSaver(append, { retryDelaysMs: RETRY_DELAYS_MS })
  savers.push(saver)
  return saver
}

/** What the `room:append` handler does: the store's error becomes a result. */
function appendTo(store: RoomStore): (update: Uint8Array) => Promise<Result<null>> {
  return async (update) => {
    try {
      store.append(ROOM_ID, update)
      return { ok: true, value: null }
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      return { ok: false, error: { code: error.code, message: error.message } }
    }
  }
}

/** The room as a restarted app would open it. */
function loadAfterRestart(): Y.Doc {
  for (const store of stores) store.closeAll()
  const doc = new Y.Doc()
  Y.applyUpdate(doc, openStore().load(ROOM_ID).state)
  return doc
}

describe('UpdateSaver with the room store', () => {
  it('keeps every edit typed while the disk is full and saves them once space is freed', async () => {
    // Each failed append drops its handle with fdatasync, which /dev/full refuses; main only warns.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const store = openStore()
    symlinkSync('/dev/full', store.pathOf(ROOM_ID))
    const saver = startSaver(appendTo(store))
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => saver.push(update))
    const summary = doc.getText('summary')

    summary.insert(0, 'Refunds stuck in pending.')
    summary.insert(summary.length, ' Stripe webhook failing since 08:40.')

    await vi.waitFor(() => expect(saver.state.kind).toBe('failed'))
    expect(saver.hasPending).toBe(true)
    expect(saver.state).toMatchObject({ message: expect.stringMatching(/disk is full/) })

    unlinkSync(store.pathOf(ROOM_ID))
    await saver.flush()

    expect(saver.state.kind).toBe('saved')
    expect(saver.hasPending).toBe(false)
    expect(loadAfterRestart().getText('summary').toString()).toBe(
      'Refunds stuck in pending. Stripe webhook failing since 08:40.',
    )
  })

  it('merges edits pushed while a save is in flight into a later batch and saves them all', async () => {
    const append = appendTo(openStore())
    const batches: Uint8Array[] = []
    let releaseFirstSave: () => void = () => undefined
    const firstSaveHeld = new Promise<void>((resolve) => {
      releaseFirstSave = resolve
    })
    const saver = startSaver(async (update) => {
      batches.push(update)
      if (batches.length === 1) await firstSaveHeld
      return append(update)
    })
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => saver.push(update))
    const timeline = doc.getArray<string>('timeline')

    timeline.push(['08:40 first refund stuck'])
    expect(saver.state.kind).toBe('saving')
    for (const entry of ['08:52 webhook errors found', '09:05 Stripe paged', '09:20 replay'])
      timeline.push([entry])
    expect(batches).toHaveLength(1)
    releaseFirstSave()
    await saver.flush()

    expect(batches).toHaveLength(2)
    expect(saver.state.kind).toBe('saved')
    expect(loadAfterRestart().getArray('timeline').toJSON()).toEqual([
      '08:40 first refund stuck',
      '08:52 webhook errors found',
      '09:05 Stripe paged',
      '09:20 replay',
    ])
  })

  it('keeps saving when one queued update cannot be merged with the others', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const store = openStore()
    const source = new Y.Doc()
    store.create(ROOM_ID, Y.encodeStateAsUpdate(source))
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const append = appendTo(store)
    let calls = 0
    const saver = startSaver(async (update) => {
      calls += 1
      if (calls === 1) await held
      return append(update)
    })
    source.on('update', (update: Uint8Array) => saver.push(update))

    source.getText('summary').insert(0, 'first')
    saver.push(new Uint8Array([0xff, 0xff, 0xff, 0xff]))
    source.getText('summary').insert(5, ' and second')
    release()
    await saver.flush()

    expect(saver.state.kind).toBe('saved')
    expect(loadAfterRestart().getText('summary').toString()).toBe('first and second')
  })
})

describe('UpdateSaver for a case that is no longer here', () => {
  it('stops retrying, says so, and lets a flush finish, keeping what was typed', async () => {
    let calls = 0
    const saver = startSaver(async () => {
      calls += 1
      return {
        ok: false,
        error: { code: 'not-found', message: 'That case is not on this computer any more.' },
      }
    })
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => saver.push(update))
    doc.getText('t').insert(0, 'typed after the case moved')

    await saver.flush()

    expect(saver.state).toEqual({
      kind: 'gone',
      message: 'That case is not on this computer any more.',
    })
    await new Promise((done) => setTimeout(done, 3 * (RETRY_DELAYS_MS.at(-1) ?? 20)))
    expect(calls).toBe(1)
    const kept = new Y.Doc()
    const unsaved = saver.unsaved()
    if (unsaved) Y.applyUpdate(kept, unsaved)
    expect(kept.getText('t').toString()).toBe('typed after the case moved')
  })
})
