/**
 * Notifications and saved files go through dependencies main injects (Electron's Notification
 * and save dialog in the app); here they are recorded, and files are written to a temp folder.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServices, type MainServices } from '../../../../src/main/services/create-services'
import { createHandlers } from '../../../../src/main/services/handlers'
import { createDispatcher, type Dispatch } from '../../../../src/main/services/ipc-dispatch'
import { saveFileWith } from '../../../../src/main/services/desktop/save-file'
import type { DesktopNotification } from '../../../../src/main/services/ports'
import type { EventName } from '../../../../src/shared/ipc'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { useTempFolder } from '../../../fixtures/temp-folder'

const tempFolder = useTempFolder()
const ROOM_ID = 'globex-sso-rotation'
const FROM_RENDERER = { url: 'http://127.0.0.1/', isMainFrame: true }

describe('desktop notifications and saved files', () => {
  let services: MainServices
  let dispatch: Dispatch
  let shown: DesktopNotification[]
  let emitted: { event: EventName; payload: unknown }[]
  let answer: string | null

  beforeEach(async () => {
    shown = []
    emitted = []
    answer = null
    services = await createServices({
      dataFolder: join(tempFolder(), 'data'),
      keychain: new NodeEncryptor(),
      openInBrowser: async () => undefined,
      emit: (event, payload) => emitted.push({ event, payload }),
      notify: (notification) => shown.push(notification),
      saveFile: saveFileWith(async () => answer),
    })
    dispatch = createDispatcher(createHandlers(services), () => true)
  })

  afterEach(async () => {
    await services.shutdown()
  })

  it('shows a notification that opens the case at its place when clicked', async () => {
    const result = await dispatch(
      'app:notify',
      {
        roomId: ROOM_ID,
        title: 'Omar mentioned you',
        body: '@Dana can you check?',
        place: 'section:impact',
      },
      FROM_RENDERER,
    )
    expect(result).toEqual({ ok: true, value: null })
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Omar mentioned you', body: '@Dana can you check?' },
    ])
    expect(emitted).toEqual([])
    shown[0]?.onClick()
    expect(emitted).toEqual([
      { event: 'app:openCase', payload: { roomId: ROOM_ID, place: 'section:impact' } },
    ])
  })

  it('refuses a notification without a title', async () => {
    const result = await dispatch(
      'app:notify',
      { roomId: ROOM_ID, title: ' ', body: '' },
      FROM_RENDERER,
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(shown).toEqual([])
  })

  it('writes the text where the user chose, and nothing when they cancel', async () => {
    const content = '# Draft knowledge-base article\n\nSAML logins fail after a rotation.\n'
    expect(
      await dispatch('files:saveText', { suggestedName: 'article.md', content }, FROM_RENDERER),
    ).toEqual({ ok: true, value: { path: null } })

    answer = join(tempFolder(), 'globex-sso.md')
    const saved = await dispatch(
      'files:saveText',
      { suggestedName: 'article.md', content },
      FROM_RENDERER,
    )
    expect(saved).toEqual({ ok: true, value: { path: answer } })
    expect(readFileSync(answer, 'utf8')).toBe(content)
  })

  it('explains a file that cannot be written, and refuses a name with a folder in it', async () => {
    answer = join(tempFolder(), 'a-folder')
    mkdirSync(answer)
    const failed = await dispatch(
      'files:saveText',
      { suggestedName: 'article.md', content: 'text' },
      FROM_RENDERER,
    )
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'storage-failed', message: expect.stringContaining('"a-folder"') },
    })
    const badName = await dispatch(
      'files:saveText',
      { suggestedName: '../article.md', content: 'text' },
      FROM_RENDERER,
    )
    expect(badName).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('cannot contain') },
    })
  })
})
