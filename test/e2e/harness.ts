/**
 * Runs Swarmroom's renderer in Debian's Chromium against main's real services, in this test
 * process. `window.swarmroom` is built in the page by the same `createBridge` the preload
 * uses, from the same channel list; each call crosses into Node through a Playwright binding
 * and goes through the same dispatcher (sender check, zod validation, handler) as in the app.
 * Only Electron's IPC transport is left out, so bytes are carried as base64 in JSON here.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { createBridge } from '../../src/shared/bridge'
import { CHANNELS, EVENT_NAMES, type EventName, type EventPayload } from '../../src/shared/ipc'
import { createServices, type MainServices } from '../../src/main/services/create-services'
import type { Updater } from '../../src/main/services/desktop/update-checker'
import {
  createDispatcher,
  isFromRenderer,
  type Dispatch,
} from '../../src/main/services/ipc-dispatch'
import { saveFileWith } from '../../src/main/services/desktop/save-file'
import type { DesktopNotification } from '../../src/main/services/ports'
import { NodeEncryptor } from '../fixtures/node-encryptor'
import * as Y from 'yjs'

const RENDERER_FOLDER = resolve(import.meta.dirname, '../../out/renderer')
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots')

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=WebRtcHideLocalIpsWithMdns',
      '--allow-loopback-in-peer-connection',
    ],
  })
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** Serves the built renderer (`npm run build`) on loopback, as Electron would load it. */
export async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(RENDERER_FOLDER, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` before the e2e tests')
  }
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const file = normalize(join(RENDERER_FOLDER, path === '/' ? 'index.html' : path))
    if (!file.startsWith(RENDERER_FOLDER) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  }
}

/** What the app did on the desktop, recorded in the test process instead. */
export interface DesktopRecord {
  /** Notifications shown; call `onClick()` to click one. */
  notifications: DesktopNotification[]
  /** Files saved through the save dialog, which always answers `<data folder>/saved/<name>`. */
  savedFiles: string[]
}

/** Main's side of one app instance over a data folder; stop() is quitting the app. */
export class MainProcess {
  private constructor(
    readonly services: MainServices,
    readonly dispatch: Dispatch,
    private readonly contexts: BrowserContext[],
    readonly desktop: DesktopRecord,
  ) {}

  static async start(
    dataFolder: string,
    rendererUrl: string,
    options: Pick<AppOptions, 'noKeyring' | 'updater'> = {},
  ): Promise<MainProcess> {
    const contexts: BrowserContext[] = []
    const desktop: DesktopRecord = { notifications: [], savedFiles: [] }
    const services = await createServices({
      dataFolder,
      rendererUrl,
      // The same key for the same folder, as the OS keychain gives the same user after a restart;
      // without a keyring, safeStorage on Linux falls back to its `basic_text` backend.
      keychain: new NodeEncryptor(
        createHash('sha256').update(dataFolder).digest(),
        true,
        options.noKeyring ? 'basic_text' : undefined,
      ),
      openInBrowser: async () => undefined,
      emit: (event, payload) => {
        for (const page of contexts.flatMap((context) => context.pages())) {
          void deliver(page, event, payload)
        }
      },
      notify: (notification) => desktop.notifications.push(notification),
      saveFile: saveFileWith(async (name) => {
        mkdirSync(join(dataFolder, 'saved'), { recursive: true })
        const path = join(dataFolder, 'saved', name)
        desktop.savedFiles.push(path)
        return path
      }),
      ...(options.updater ? { updater: options.updater } : {}),
    })
    return new MainProcess(
      services,
      createDispatcher(services.handlers, isFromRenderer(rendererUrl)),
      contexts,
      desktop,
    )
  }

  /** The case as this member's room log holds it; the caller destroys the document. */
  savedCase(roomId: string): Y.Doc {
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, this.services.rooms.load(roomId).state)
    return doc
  }

  /** Installs `window.swarmroom` in every page of the context, as the preload does. */
  async attach(context: BrowserContext): Promise<void> {
    await context.exposeBinding(
      '__swarmroomInvoke',
      async (source, channel: string, payload: string) => {
        const input = decode(JSON.parse(payload)) as { input?: unknown }
        const result = await this.dispatch(channel, input.input, {
          url: source.frame.url(),
          isMainFrame: source.frame === source.page.mainFrame(),
        })
        return JSON.stringify(encode(result))
      },
    )
    await context.addInitScript({ content: bridgeScript() })
    this.contexts.push(context)
  }

  stop(): Promise<void> {
    return this.services.shutdown()
  }
}

/** Sends an event from main to a page, as `webContents.send` does in the app. */
async function deliver<E extends EventName>(
  page: Page,
  event: E,
  payload: EventPayload<E>,
): Promise<void> {
  const json = JSON.stringify(encode(payload))
  await page
    .evaluate(`window.__swarmroomEmit?.(${JSON.stringify(event)}, ${JSON.stringify(json)})`)
    .catch(() => undefined) // a page that is navigating or closed misses the event, as in the app
}

/** The page-side code: the shared bridge plus the base64 codec for bytes. */
function bridgeScript(): string {
  return `(() => {
    const createBridge = ${createBridge.toString()};
    const toBase64 = (bytes) => {
      let text = ''
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(text)
    }
    const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
    const encode = (value) => {
      if (value instanceof Uint8Array) return { $bytes: toBase64(value) }
      if (Array.isArray(value)) return value.map(encode)
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]))
      return value
    }
    const decode = (value) => {
      if (Array.isArray(value)) return value.map(decode)
      if (value && typeof value === 'object') {
        if (typeof value.$bytes === 'string') return fromBase64(value.$bytes)
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]))
      }
      return value
    }
    const listeners = new Map()
    window.__swarmroomEmit = (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(decode(JSON.parse(payload)))
    }
    window.swarmroom = createBridge(
      ${JSON.stringify(CHANNELS)},
      async (channel, input) =>
        decode(JSON.parse(await window.__swarmroomInvoke(channel, JSON.stringify(encode({ input }))))),
      ${JSON.stringify(EVENT_NAMES)},
      (event, listener) => {
        const set = listeners.get(event) ?? new Set()
        listeners.set(event, set)
        set.add(listener)
        return () => set.delete(listener)
      },
    )
  })()`
}

function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') }
  if (Array.isArray(value)) return value.map(encode)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]))
  }
  return value
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode)
  if (value && typeof value === 'object') {
    const bytes = (value as { $bytes?: unknown }).$bytes
    if (typeof bytes === 'string') return new Uint8Array(Buffer.from(bytes, 'base64'))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]))
  }
  return value
}

/** Types into a section editor, replacing whatever it holds. */
export async function replaceSectionText(page: Page, title: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: title, exact: true })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(text)
}

export interface RunningApp {
  main: MainProcess
  context: BrowserContext
  page: Page
  /** Uncaught errors and console errors of the page, for tests to assert none happened. */
  errors: string[]
}

export interface AppOptions {
  /** Let the page read and write the clipboard, as Electron's window may. */
  clipboard?: boolean
  /** Stands in for electron-updater's autoUpdater (which needs the Electron binary). */
  updater?: () => Promise<Updater>
  /** A Linux computer without a keyring: the app asks for a passphrase to protect the keys. */
  noKeyring?: boolean
}

/** Starts one member's app: main's services over `dataFolder`, a window showing the renderer. */
export async function startApp(
  browser: Browser,
  rendererUrl: string,
  dataFolder: string,
  options: AppOptions = {},
): Promise<RunningApp> {
  const main = await MainProcess.start(dataFolder, rendererUrl, options)
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  if (options.clipboard) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(rendererUrl).origin,
    })
  }
  await main.attach(context)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(rendererUrl)
  return { main, context, page, errors }
}

const quit = new WeakSet<RunningApp>()

/** Quits an app (once): the window goes, main saves what is pending and closes every log. */
export async function quitApp(running: RunningApp): Promise<void> {
  if (quit.has(running)) return
  quit.add(running)
  await running.context.close()
  await running.main.stop()
}

/** The first-run step: chooses the display name. */
export async function chooseName(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your display name').fill(name)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'New case' }).waitFor()
}

/** Settings → Advanced: this member's app uses the team's signaling server too. */
export async function useTeamSignaling(page: Page, url: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByText('Advanced', { exact: true }).click()
  await page.getByLabel('Your team’s connection helpers (one address per line').fill(url)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await page.getByText('Saved. Rooms you open').waitFor()
  await page.getByRole('button', { name: '← Cases' }).click()
}

/** Copies the open case's invite link from its Invite dialog. */
export async function copyInviteLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite' }).click()
  const field = page.getByLabel('Invite link')
  await waitUntil(async () => (await field.inputValue()).startsWith('swarmroom://join/'))
  const link = await field.inputValue()
  await page.getByRole('button', { name: 'Done' }).click()
  return link
}

/** Lobby → Join with a link: joins the case and waits for its title to arrive from the room. */
export async function joinWithLink(page: Page, link: string, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Join with a link' }).click()
  await page.getByLabel('Invite link').fill(link)
  await page.getByRole('button', { name: 'Join case' }).click()
  const titleField = page.getByLabel('Case title')
  await waitUntil(async () => (await titleField.inputValue()) === title, 30_000)
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 100))
  }
}
