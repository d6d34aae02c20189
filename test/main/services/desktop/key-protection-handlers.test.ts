/**
 * Through the IPC gate, over a real data folder, on a computer whose keychain is `basic_text`:
 * until a passphrase protects the keys, creating or joining a case answers why, as a value.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServices, type MainServices } from '../../../../src/main/services/create-services'
import {
  createDispatcher,
  isFromRenderer,
  type Dispatch,
  type SenderInfo,
} from '../../../../src/main/services/ipc-dispatch'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { ACME_CASE } from '../../../fixtures/new-case'

const RENDERER = 'file:///opt/Swarmroom/resources/app/out/renderer/index.html'
const window: SenderInfo = { url: RENDERER, isMainFrame: true }

const newCase = ACME_CASE

describe('key protection through the IPC gate, without a keyring', () => {
  let folder: string
  let services: MainServices
  let dispatch: Dispatch

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'swarmroom-keys-'))
    services = await createServices({
      dataFolder: folder,
      keychain: new NodeEncryptor(randomBytes(32), true, 'basic_text'),
      openInBrowser: async () => undefined,
    })
    dispatch = createDispatcher(services.handlers, isFromRenderer(RENDERER))
    await dispatch('identity:set', { name: 'Dana' }, window)
  })

  afterEach(async () => {
    await services.shutdown()
    rmSync(folder, { recursive: true, force: true })
  })

  it('refuses to create or join a case until a passphrase is set, then creates one', async () => {
    expect(await dispatch('app:keyProtection', undefined, window)).toEqual({
      ok: true,
      value: { state: 'choose', backend: 'basic_text' },
    })

    const refused = await dispatch('cases:create', newCase, window)
    expect(refused).toMatchObject({ ok: false, error: { code: 'keys-locked' } })
    const joining = await dispatch(
      'cases:join',
      { link: 'swarmroom://join/room-abc123#key=0123456789abcdef0123456789abcdef' },
      window,
    )
    expect(joining).toMatchObject({ ok: false, error: { code: 'keys-locked' } })
    expect(await dispatch('cases:list', undefined, window)).toEqual({ ok: true, value: [] })

    const tooShort = await dispatch('app:setPassphrase', { passphrase: 'short' }, window)
    expect(tooShort).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'Choose a passphrase of at least 8 characters.' },
    })

    const set = await dispatch('app:setPassphrase', { passphrase: 'a long passphrase' }, window)
    expect(set).toEqual({ ok: true, value: { state: 'unlocked', backend: 'basic_text' } })
    expect(await dispatch('cases:create', newCase, window)).toMatchObject({ ok: true })
  })
})
