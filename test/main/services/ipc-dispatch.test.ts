/**
 * Every IPC call passes the same gate: known channel, trusted sender frame, input that matches
 * the contract. These tests drive that gate with the real handlers over a real data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServices, type MainServices } from '../../../src/main/services/create-services'
import {
  createDispatcher,
  isFromRenderer,
  type Dispatch,
  type SenderInfo,
} from '../../../src/main/services/ipc-dispatch'
import { CHANNELS, contract } from '../../../src/shared/ipc'
import type { Result } from '../../../src/shared/result'
import { NodeEncryptor } from '../../fixtures/node-encryptor'
import { ACME_CASE } from '../../fixtures/new-case'

const RENDERER = 'file:///opt/Swarmroom/resources/app/out/renderer/index.html'
const app: SenderInfo = { url: `${RENDERER}#/case/abc`, isMainFrame: true }

const newCase = ACME_CASE

describe('the IPC gate', () => {
  let folder: string
  let services: MainServices
  let dispatch: Dispatch
  const opened: string[] = []

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'swarmroom-ipc-'))
    services = await createServices({
      dataFolder: folder,
      keychain: new NodeEncryptor(),
      openInBrowser: async (url) => {
        opened.push(url)
      },
    })
    dispatch = createDispatcher(services.handlers, isFromRenderer(RENDERER))
  })

  afterEach(async () => {
    await services.shutdown()
    rmSync(folder, { recursive: true, force: true })
  })

  function expectError(result: Result<unknown>, code: string): string {
    expect(result.ok).toBe(false)
    if (result.ok) throw new Error('expected an error')
    expect(result.error.code).toBe(code)
    return result.error.message
  }

  it('answers a valid call with its value', async () => {
    await dispatch('identity:set', { name: 'Dana' }, app)
    const created = await dispatch('cases:create', newCase, app)
    expect(created.ok).toBe(true)
    const listed = await dispatch('cases:list', undefined, app)
    expect(listed).toMatchObject({ ok: true, value: [{ title: 'Acme: double charges' }] })
    if (listed.ok) expect(contract['cases:list'].output.safeParse(listed.value).success).toBe(true)
  })

  it('rejects invalid input in the schema’s words, naming the field apart for the form', async () => {
    await dispatch('identity:set', { name: 'Dana' }, app)
    const refused = await dispatch('cases:create', { ...newCase, title: '  ' }, app)
    // The key ("title: …") means nothing to a support agent; the form marks the field.
    expect(refused).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Give the case a title.', field: 'title' },
    })
    expectError(
      await dispatch('cases:create', { ...newCase, priority: 'whenever' }, app),
      'invalid-input',
    )
    expectError(await dispatch('identity:set', 'Dana', app), 'invalid-input')
    expectError(
      await dispatch('room:append', { roomId: 'abcdefgh', update: [1, 2, 3] }, app),
      'invalid-input',
    )
    const list = await dispatch('cases:list', undefined, app)
    expect(list).toEqual({ ok: true, value: [] })
  })

  it('refuses room ids that could leave the rooms folder', async () => {
    for (const roomId of ['../../etc/passwd', 'a/b/c/d/e/f', '', 'x'.repeat(65), 'short']) {
      expectError(await dispatch('room:load', { roomId }, app), 'invalid-input')
    }
  })

  it('refuses a sender that is not the app window’s main frame', async () => {
    const senders: SenderInfo[] = [
      { url: RENDERER, isMainFrame: false },
      { url: 'https://evil.example/index.html', isMainFrame: true },
      { url: 'file:///tmp/index.html', isMainFrame: true },
      { url: undefined, isMainFrame: true },
      { url: 'not a url', isMainFrame: true },
    ]
    for (const sender of senders) {
      const message = expectError(
        await dispatch('identity:set', { name: 'Mallory' }, sender),
        'untrusted-sender',
      )
      expect(message).toContain("did not come from Swarmroom's own window")
    }
    expect(services.app.data.identity).toBeNull()
  })

  it('knows only the contract’s channels, not inherited object keys', async () => {
    for (const channel of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'cases:drop',
    ]) {
      expectError(await dispatch(channel, undefined, app), 'unknown-channel')
    }
    expect(CHANNELS).toContain('cases:list')
  })

  it('opens only web links in the browser', async () => {
    expect(
      await dispatch('app:openExternal', { url: 'https://acme.zendesk.com/agent/tickets/1' }, app),
    ).toEqual({ ok: true, value: null })
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'https://']) {
      expectError(await dispatch('app:openExternal', { url }, app), 'invalid-input')
    }
    expect(opened).toEqual(['https://acme.zendesk.com/agent/tickets/1'])
  })

  it('reports an unknown case in words an agent understands', async () => {
    const message = expectError(
      await dispatch('room:load', { roomId: 'abcdefgh12' }, app),
      'not-found',
    )
    expect(message).toContain('not on this computer')
  })

  it('trusts the dev server by origin when the renderer is served over http', () => {
    const trusted = isFromRenderer('http://localhost:5173/')
    expect(trusted({ url: 'http://localhost:5173/#/case/x', isMainFrame: true })).toBe(true)
    expect(trusted({ url: 'http://localhost:5174/', isMainFrame: true })).toBe(false)
  })

  it('trusts the app scheme by scheme and host, since every custom-scheme origin reads "null"', () => {
    const trusted = isFromRenderer('app://swarmroom/index.html')
    expect(trusted({ url: 'app://swarmroom/index.html#/case/x', isMainFrame: true })).toBe(true)
    for (const url of ['app://elsewhere/index.html', 'other://swarmroom/index.html']) {
      expect(trusted({ url, isMainFrame: true })).toBe(false)
    }
    expect(trusted({ url: 'app://swarmroom/index.html', isMainFrame: false })).toBe(false)
  })
})
