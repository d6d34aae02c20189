import { EventEmitter } from 'node:events'
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron'
import { describe, expect, it } from 'vitest'
import {
  createSecureWindow,
  denyPermissions,
  hardenWebContents,
  openInBrowser,
} from '../../src/main/security'
import { isSafeExternalUrl } from '../../src/main/services/desktop/external-links'

/** Records what the app asks of Electron, standing in for the classes Node cannot load. */
const createdWindows: BrowserWindowConstructorOptions[] = []
function RecordingWindow(options: BrowserWindowConstructorOptions): void {
  createdWindows.push(options)
}

class RecordingContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined
  getURL(): string {
    return 'file:///app/out/renderer/index.html'
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler
  }
}

function navigationEvent(url = ''): {
  url: string
  prevented: boolean
  preventDefault: () => void
} {
  const event = { url, prevented: false, preventDefault: () => (event.prevented = true) }
  return event
}

describe('the security settings', () => {
  it('creates the window sandboxed, isolated and without Node', () => {
    createSecureWindow(RecordingWindow as never, '/app/preload.cjs', { width: 800 })
    expect(createdWindows.at(-1)?.width).toBe(800)
    expect(createdWindows.at(-1)?.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      backgroundThrottling: false,
    })
  })

  it('blocks every navigation, to the same page and javascript: too, and every new window', () => {
    const contents = new RecordingContents()
    const opened: string[] = []
    hardenWebContents(contents as unknown as WebContents, async (url) => {
      opened.push(url)
    })
    // A planted javascript: link used to reload the window: only other URLs were refused.
    for (const url of ['https://evil.example/', contents.getURL(), 'javascript:alert(1)']) {
      const navigation = navigationEvent(url)
      contents.emit('will-navigate', navigation)
      expect(navigation.prevented, url).toBe(true)
    }
    const webview = navigationEvent()
    contents.emit('will-attach-webview', webview)
    expect(webview.prevented).toBe(true)

    expect(contents.openHandler?.({ url: 'https://acme.zendesk.com/t/1' })).toEqual({
      action: 'deny',
    })
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://acme.zendesk.com/t/1'])
  })

  it('sends only http(s) links with a host to the browser', async () => {
    expect(isSafeExternalUrl('https://acme.zendesk.com/agent/tickets/1')).toBe(true)
    expect(isSafeExternalUrl('http://intranet.local/wiki')).toBe(true)
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'https://',
      'nonsense',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false)
    }
    const calls: string[] = []
    const shell = { openExternal: async (url: string) => void calls.push(url) }
    await openInBrowser(shell, 'https://example.com/')
    await expect(openInBrowser(shell, 'smb://share/x')).rejects.toThrow(/non-web link/)
    expect(calls).toEqual(['https://example.com/'])
  })

  it('denies every permission request', () => {
    let requestHandler: ((...args: never[]) => void) | undefined
    let checkHandler: (() => boolean) | undefined
    const session = {
      setPermissionRequestHandler: (handler: (...args: never[]) => void) =>
        (requestHandler = handler),
      setPermissionCheckHandler: (handler: () => boolean) => (checkHandler = handler),
    }
    denyPermissions(session as unknown as Session)
    const answers: boolean[] = []
    ;(requestHandler as unknown as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(
      {},
      'media',
      (granted) => answers.push(granted),
    )
    expect(answers).toEqual([false])
    expect(checkHandler?.()).toBe(false)
  })

  it('lets the page write to the clipboard, and still denies reading it', () => {
    let requestHandler: ((...args: never[]) => void) | undefined
    let checkHandler: ((contents: unknown, permission: string) => boolean) | undefined
    const session = {
      setPermissionRequestHandler: (handler: (...args: never[]) => void) =>
        (requestHandler = handler),
      setPermissionCheckHandler: (handler: (contents: unknown, permission: string) => boolean) =>
        (checkHandler = handler),
    }
    denyPermissions(session as unknown as Session)
    const answers: boolean[] = []
    const ask = requestHandler as unknown as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void
    ask({}, 'clipboard-sanitized-write', (granted) => answers.push(granted))
    ask({}, 'clipboard-read', (granted) => answers.push(granted))
    expect(answers).toEqual([true, false])
    expect(checkHandler?.({}, 'clipboard-sanitized-write')).toBe(true)
    expect(checkHandler?.({}, 'clipboard-read')).toBe(false)
  })
})
