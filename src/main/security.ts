/**
 * Every security setting of the app in one place: the renderer is sandboxed and isolated,
 * cannot navigate or open windows, gets no permissions, and only web links go out to the
 * system browser. Electron is taken as parameters so that this file is testable in Node.
 */
import type {
  BrowserWindow as ElectronBrowserWindow,
  BrowserWindowConstructorOptions,
  Session,
  Shell,
  WebContents,
} from 'electron'
import { isSafeExternalUrl } from './services/desktop/external-links'

type WindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>

/** Creates the app window with the only web preferences Swarmroom ever uses. */
export function createSecureWindow(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow,
  preload: string,
  options: WindowOptions,
): ElectronBrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      webviewTag: false,
      safeDialogs: true,
      spellcheck: true,
      // A hidden window (closed to the tray) keeps syncing: timers and WebRTC run at full speed.
      backgroundThrottling: false,
    },
  })
}

/** Opens a link in the user's browser, and only if it is an http(s) link. */
export async function openInBrowser(
  shell: Pick<Shell, 'openExternal'>,
  url: string,
): Promise<void> {
  if (!isSafeExternalUrl(url)) throw new Error(`Refused to open a non-web link: ${url}`)
  await shell.openExternal(url)
}

/** Navigation away from the app is refused; links the user clicks open in their browser. */
export function hardenWebContents(
  contents: WebContents,
  open: (url: string) => Promise<void>,
): void {
  // Every navigation is refused, to the same URL too: the app is one page whose routes live
  // in the hash, and a planted link (even javascript:) must not reload or replace it.
  contents.on('will-navigate', (event) => {
    event.preventDefault()
    console.warn('refused a navigation of the window to', event.url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      open(url).catch((error: unknown) => console.error('opening a link failed', error))
    }
    return { action: 'deny' }
  })
}

/**
 * Writing to the clipboard ("Copy note", "Copy reply" when no help desk is connected). The
 * sanitised kind only: the clipboard gets plain text and cleaned HTML, and reading it stays denied.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** Swarmroom needs no camera, microphone, location or notification prompt from the web layer. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  )
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission))
}
