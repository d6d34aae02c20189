/**
 * The light/dark choice made in Settings is kept in app.json with the other settings, so the
 * window opens in it after a restart; anything but the three choices is refused.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createServices, type MainServices } from '../../../../src/main/services/create-services'
import { createHandlers } from '../../../../src/main/services/handlers'
import { createDispatcher } from '../../../../src/main/services/ipc-dispatch'
import { saveFileWith } from '../../../../src/main/services/desktop/save-file'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { useTempFolder } from '../../../fixtures/temp-folder'

const tempFolder = useTempFolder()
const FROM_RENDERER = { url: 'http://127.0.0.1/', isMainFrame: true }

describe('the appearance setting', () => {
  const started: MainServices[] = []

  async function start(dataFolder: string): Promise<ReturnType<typeof createDispatcher>> {
    const services = await createServices({
      dataFolder,
      keychain: new NodeEncryptor(),
      openInBrowser: async () => undefined,
      emit: () => undefined,
      notify: () => undefined,
      saveFile: saveFileWith(async () => null),
    })
    started.push(services)
    return createDispatcher(createHandlers(services), () => true)
  }

  afterEach(async () => {
    for (const services of started.splice(0)) await services.shutdown()
  })

  it('follows the computer until a choice is saved, and keeps the choice after a restart', async () => {
    const folder = join(tempFolder(), 'data')
    const dispatch = await start(folder)
    expect(await dispatch('app:appearance', undefined, FROM_RENDERER)).toEqual({
      ok: true,
      value: 'system',
    })
    expect(await dispatch('app:setAppearance', { appearance: 'dark' }, FROM_RENDERER)).toEqual({
      ok: true,
      value: 'dark',
    })
    await started.splice(0)[0]?.shutdown()

    const restarted = await start(folder)
    expect(await restarted('app:appearance', undefined, FROM_RENDERER)).toEqual({
      ok: true,
      value: 'dark',
    })
  })

  it('refuses a choice that is not light, dark or system', async () => {
    const dispatch = await start(join(tempFolder(), 'data'))
    const result = await dispatch('app:setAppearance', { appearance: 'sepia' }, FROM_RENDERER)
    expect(result.ok).toBe(false)
    expect(await dispatch('app:appearance', undefined, FROM_RENDERER)).toEqual({
      ok: true,
      value: 'system',
    })
  })
})
