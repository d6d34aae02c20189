/**
 * The Electron glue, loaded as it ships: the built out/main/index.js started in a Node process
 * whose `electron` is a recording stand-in (test/fixtures/electron-stand-in/), and the built
 * preload in a vm context whose `require` knows only `electron`. This checks the app's use of
 * Electron's API (what it registers, in which order, with which options), not Electron: real
 * windows, the IPC transport, the OS keychain, menus and trays are not exercised here. Needs
 * `npm run build` first, as `npm test` does.
 */
import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../src/shared/ipc'
import { useTempFolder } from '../fixtures/temp-folder'

const ROOT = resolve(import.meta.dirname, '../..')
const STAND_IN = resolve(ROOT, 'test/fixtures/electron-stand-in')
const tempFolder = useTempFolder()

interface Call {
  what: string
  [detail: string]: unknown
}
interface MenuItem {
  label?: string
  role?: string
  submenu?: MenuItem[]
}
interface Report {
  calls: Call[]
  webPreferences: Record<string, unknown>
  preloadExists: boolean
  channels: string[]
  menu: MenuItem[]
  tray: { toolTip?: string; menu?: MenuItem[] }
  schemes: string[]
  windows?: number
  [key: string]: unknown
}

async function runMain(scenario: string, env: Record<string, string> = {}): Promise<Report> {
  // The stand-in's app.getPath('userData') is <temp>/userData. A free port for the embedded
  // signaling server, so parallel test files never collide.
  const data = mkdtempSync(join(tempFolder(), 'run-'))
  mkdirSync(join(data, 'userData'))
  writeFileSync(
    join(data, 'userData', 'app.json'),
    JSON.stringify({
      version: 1,
      identity: null,
      cases: [],
      secrets: {},
      settings: { signalingPort: 0 },
    }),
  )
  return new Promise((done, fail) => {
    const child = fork(join(STAND_IN, 'run-main.mjs'), [scenario], {
      execArgv: ['--import', join(STAND_IN, 'register.mjs')],
      env: { ...process.env, STAND_IN_USER_DATA: data, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    let report: Report | undefined
    child.on('message', (message) => (report = message as Report))
    child.on('exit', (code) => {
      if (report) done(report)
      else fail(new Error(`the main bundle exited (${code}) without a report:\n${output}`))
    })
  })
}

const whats = (report: Report): string[] => report.calls.map((call) => call.what)
const labels = (items: MenuItem[] | undefined): string[] =>
  (items ?? []).flatMap((item) => [item.label ?? item.role ?? '', ...labels(item.submenu)])

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/index.js'))) {
    throw new Error('out/main/index.js is missing: run `npm run build` before these tests.')
  }
})

describe('the main process as built, against a recording Electron', () => {
  it('starts one secure window from the app scheme, with every channel and a tray', async () => {
    const report = await runMain('start-and-quit')
    expect(report.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      backgroundThrottling: false,
    })
    expect(report.preloadExists).toBe(true)
    expect(report.calls.find((call) => call.what === 'loadURL')).toMatchObject({
      url: 'app://swarmroom/index.html',
    })
    // The scheme is privileged before the app is ready, and served once it is.
    expect(report.calls.find((call) => call.what === 'registerSchemesAsPrivileged')).toMatchObject({
      ready: false,
    })
    expect(report.calls.find((call) => call.what === 'protocol.handle')).toMatchObject({
      scheme: 'app',
      ready: true,
    })
    expect(report.page).toEqual({ status: 200, hasRoot: true })
    expect(report.outside).toBe(404)
    expect([...report.channels].sort()).toEqual([...CHANNELS].sort())
    expect(whats(report)).toContain('setPermissionRequestHandler')
    expect(whats(report)).not.toContain('safeStorage sync API used')
    expect(report.tray.toolTip).toBe('Swarmroom')
    expect(labels(report.tray.menu)).toEqual(['Open Swarmroom', '', 'Quit Swarmroom'])
    expect(report.calls.find((call) => call.what === 'setAsDefaultProtocolClient')).toMatchObject({
      args: ['swarmroom', process.execPath, [expect.stringMatching(/run-main\.mjs$/)]],
    })
  })

  it('answers only its own top frame, and refuses navigation and new windows', async () => {
    const report = await runMain('start-and-quit')
    expect(report.trusted).toEqual({ ok: true, value: null })
    expect(report.foreign).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
    expect(report.subframe).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
    expect(report.navigationPrevented).toBe(true)
    expect(report.windowOpen).toEqual({ action: 'deny' })
  })

  it('hands a second start’s deep link to the window, and hides to the tray on close', async () => {
    const report = await runMain('start-and-quit')
    expect(report.deepLinkSent).toEqual([
      { channel: 'event:app:deepLink', payload: { url: 'swarmroom://join/abcdefgh12#key=k' } },
    ])
    expect(report.hiddenNotClosed).toBe(true)
    expect(report.signalingBeforeQuit).toBe(true)
  })

  it('closes windows while the services still answer, then stops them, when quitting', async () => {
    const report = await runMain('start-and-quit')
    expect(report.servicesDuringClose).toEqual({ ok: true, value: null })
    expect(report.signalingAfterQuit).toBe(false)
    const order = whats(report)
    expect(order.indexOf('window closed')).toBeGreaterThan(-1)
    expect(order.indexOf('window closed')).toBeLessThan(order.lastIndexOf('quit finished'))
  })

  it('destroys a window that will not unload after the timeout, and says edits were lost', async () => {
    const report = await runMain('refuses-unload', { STAND_IN_REFUSE_UNLOAD: '1' })
    const order = whats(report)
    expect(order).toContain('renderer refused to unload')
    expect(order.indexOf('window destroyed')).toBeLessThan(order.lastIndexOf('quit finished'))
    expect(report.dialogs).toEqual([
      expect.objectContaining({
        message: 'Your last edits could not be saved before Swarmroom quit.',
      }),
    ])
  })

  it('reloads a crashed window, tells the user, and logs it to the log file', async () => {
    const report = await runMain('crash')
    expect(whats(report)).toContain('webContents.reload')
    expect(report.notifications).toEqual([
      expect.objectContaining({ title: 'Swarmroom reopened its window' }),
    ])
    expect(report.log).toContain("the window's renderer stopped (crashed); reloaded: true")
  })

  it('offers spelling suggestions and paste in an editor’s context menu', async () => {
    const report = await runMain('context-menu')
    const [menu] = report.popups as MenuItem[][]
    expect(labels(menu)).toEqual([
      'customer',
      'customers',
      'Add “custmer” to the dictionary',
      '',
      'cut',
      'copy',
      'paste',
      '',
      'selectAll',
    ])
  })

  it('has developer tools and reload in the menu only when not packaged', async () => {
    const development = labels((await runMain('start-and-quit')).menu)
    expect(development).toEqual(
      expect.arrayContaining(['toggleDevTools', 'reload', 'undo', 'paste']),
    )
    const packaged = await runMain('start-and-quit', { STAND_IN_PACKAGED: '1' })
    expect(labels(packaged.menu)).not.toContain('toggleDevTools')
    expect(labels(packaged.menu)).not.toContain('reload')
    expect(labels(packaged.menu)).toEqual(expect.arrayContaining(['undo', 'redo', 'selectAll']))
    expect(packaged.calls.find((call) => call.what === 'setAsDefaultProtocolClient')).toEqual({
      what: 'setAsDefaultProtocolClient',
      args: ['swarmroom'],
    })
  })

  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    const report = await runMain('second-instance-lock', { STAND_IN_SECOND_INSTANCE: '1' })
    expect(report.windows).toBe(0)
    expect(whats(report)).toContain('app.quit')
  })
})

describe('the preload as built', () => {
  it('exposes window.swarmroom from the contract, and nothing else, through ipcRenderer.invoke', async () => {
    const code = readFileSync(join(ROOT, 'out/preload/index.cjs'), 'utf8')
    const electron = createRequire(import.meta.url)(
      '../fixtures/electron-stand-in/electron.cjs',
    ) as {
      standIn: { exposed: Record<string, unknown>; invoked: unknown[] }
    }
    const required: string[] = []
    const module = { exports: {} }
    runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name)
        if (name !== 'electron') throw new Error(`the preload may not require ${name}`)
        return electron
      },
    })
    expect(required).toEqual(['electron'])
    expect(Object.keys(electron.standIn.exposed)).toEqual(['swarmroom'])
    const api = electron.standIn.exposed['swarmroom'] as Record<string, Record<string, unknown>>
    const methods = Object.entries(api)
      .filter(([namespace]) => namespace !== 'events')
      .flatMap(([namespace, group]) => Object.keys(group).map((method) => `${namespace}:${method}`))
    expect(methods.sort()).toEqual([...CHANNELS].sort())
    await (api['cases']?.['list'] as () => Promise<unknown>)()
    expect(electron.standIn.invoked).toEqual([{ channel: 'cases:list', input: undefined }])
  })
})
