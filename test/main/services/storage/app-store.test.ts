/**
 * app.json holds the case list and settings. A change must survive a restart, and a file the
 * app cannot read must be moved aside with its bytes intact, never overwritten or deleted.
 */
import { mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppStore, emptyAppData } from '../../../../src/main/services/storage/app-store'
import { useTempFolder } from '../../../fixtures/temp-folder'

const tempFolder = useTempFolder()

afterEach(() => {
  vi.restoreAllMocks()
})

const IDENTITY = { memberId: 'member-7f3a', name: 'Priya (Tier 2)', color: '#d9480f' }

function keptFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.startsWith('app.json.unreadable-'))
}

describe('AppStore', () => {
  it('starts with empty data when there is no app.json yet', async () => {
    const store = await AppStore.open(tempFolder())

    expect(store.data).toEqual(emptyAppData())
    expect(store.notices).toEqual([])
  })

  it('keeps a change made with update after reopening', async () => {
    const store = await AppStore.open(tempFolder())

    await store.update((data) => {
      data.identity = IDENTITY
    })
    const reopened = await AppStore.open(tempFolder())

    expect(reopened.data.identity).toEqual(IDENTITY)
  })

  it('keeps a change made with updateSoon once flushed', async () => {
    const store = await AppStore.open(tempFolder())

    store.updateSoon((data) => {
      data.identity = IDENTITY
    })
    await store.flush()
    const reopened = await AppStore.open(tempFolder())

    expect(reopened.data.identity).toEqual(IDENTITY)
  })

  describe('with an unreadable app.json', () => {
    const unreadable = [
      { kind: 'a file that is not JSON', contents: 'not json {' },
      {
        kind: 'JSON of the wrong shape',
        contents: JSON.stringify({ version: 2, cases: 'all of them', secrets: [] }),
      },
    ]

    it.each(unreadable)('moves $kind aside and starts with empty data', async ({ contents }) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const folder = tempFolder()
      writeFileSync(join(folder, 'app.json'), contents)

      const store = await AppStore.open(folder)

      const kept = keptFiles(folder)
      expect(kept).toHaveLength(1)
      const keptAs = join(folder, kept[0] ?? '')
      expect(readFileSync(keptAs, 'utf8')).toBe(contents)
      expect(store.data).toEqual(emptyAppData())
      expect(store.notices).toHaveLength(1)
      expect(store.notices[0]).toMatchObject({ level: 'warning' })
      expect(store.notices[0]?.message).toContain(keptAs)
    })

    it.each(unreadable)('keeps $kind aside after new data is saved', async ({ contents }) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const folder = tempFolder()
      writeFileSync(join(folder, 'app.json'), contents)
      const store = await AppStore.open(folder)

      await store.update((data) => {
        data.identity = IDENTITY
      })
      const reopened = await AppStore.open(folder)

      expect(reopened.data.identity).toEqual(IDENTITY)
      expect(reopened.notices).toEqual([])
      const kept = keptFiles(folder)
      expect(kept).toHaveLength(1)
      expect(readFileSync(join(folder, kept[0] ?? ''), 'utf8')).toBe(contents)
    })
  })

  it('writes a change again on flush after its first write failed', async () => {
    const folder = tempFolder()
    const store = await AppStore.open(folder)
    // A folder where app.json belongs makes the atomic rename fail, as a locked file would.
    mkdirSync(join(folder, 'app.json'))

    await expect(
      store.update((data) => {
        data.identity = IDENTITY
      }),
    ).rejects.toMatchObject({ code: 'storage-failed' })
    rmdirSync(join(folder, 'app.json'))
    await store.flush()

    const reopened = await AppStore.open(folder)
    expect(reopened.data.identity).toEqual(IDENTITY)
    await expect(reopened.flush()).resolves.toBeUndefined()
  })
})

describe('AppStore with an app.json from before settings existed', () => {
  it('reads it and fills in default settings, an empty outbox and no connections', async () => {
    const folder = tempFolder()
    const older = { version: 1, identity: IDENTITY, cases: [], secrets: {} }
    writeFileSync(join(folder, 'app.json'), JSON.stringify(older))

    const store = await AppStore.open(folder)

    expect(store.notices).toEqual([])
    expect(store.data.identity).toEqual(IDENTITY)
    expect(store.data.settings).toEqual({
      hostOnLan: false,
      signalingPort: 4444,
      signalingUrls: [],
      relayUrl: '',
      updateUrl: '',
      iceServers: [],
      appearance: 'system',
    })
    expect(store.data.outbox).toEqual([])
    expect(store.data.trust).toEqual({})
    expect(store.data.connections).toEqual([])
  })
})
