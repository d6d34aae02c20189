/**
 * The one app window: hardened (security.ts), opened where the user left it, hidden rather than
 * closed (Swarmroom keeps syncing from the tray) until the app quits, with the editors' context
 * menu, and reloaded if its renderer process dies.
 */
import type {
  BrowserWindow as ElectronBrowserWindow,
  BrowserWindowConstructorOptions,
  Menu as ElectronMenu,
} from 'electron'
import { PRODUCT_NAME } from './app-identity'
import { contextMenuTemplate } from './context-menu'
import { createSecureWindow } from './security'
import type { Rectangle, WindowStateStore } from './services/desktop/window-state'

export const WINDOW_SIZE = { width: 1280, height: 860, minWidth: 900, minHeight: 600 }

/** More crashes than this within a minute and the window is left closed, not reloaded again. */
const MAX_RELOADS_PER_MINUTE = 3

export interface MainWindowOptions {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow
  Menu: Pick<typeof ElectronMenu, 'buildFromTemplate'>
  preload: string
  url: string
  state: WindowStateStore
  /** The work areas of the displays connected now (`screen.getAllDisplays()`). */
  workAreas: () => Rectangle[]
  /** True once the app is quitting: then closing really closes. */
  isQuitting: () => boolean
  /** The renderer went away (reload, crash, closed): deep links wait until it asks again. */
  onRendererGone: () => void
  /** The renderer process died for `reason`; `reloaded` says whether it was started again. */
  onCrash: (reason: string, reloaded: boolean) => void
}

export function createMainWindow(options: MainWindowOptions): ElectronBrowserWindow {
  const saved = options.state.load(options.workAreas())
  const window = createSecureWindow(options.BrowserWindow, options.preload, {
    ...WINDOW_SIZE,
    ...saved.bounds,
    show: false,
    title: PRODUCT_NAME,
    autoHideMenuBar: true,
  })
  if (saved.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  const remember = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return
    const maximized = window.isMaximized()
    void options.state.save(maximized ? { maximized } : { bounds: window.getBounds(), maximized })
  }
  let rememberSoon: ReturnType<typeof setTimeout> | undefined
  const rememberLater = (): void => {
    clearTimeout(rememberSoon)
    rememberSoon = setTimeout(remember, 500)
  }
  window.on('resize', rememberLater)
  window.on('move', rememberLater)
  window.on('close', (event) => {
    clearTimeout(rememberSoon)
    remember()
    if (options.isQuitting()) return
    // Closing the window leaves Swarmroom in the tray, still syncing; Quit is in its menu.
    event.preventDefault()
    window.hide()
  })

  const contents = window.webContents
  contents.on('did-start-loading', options.onRendererGone)
  window.on('closed', options.onRendererGone)
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    })
    if (template.length > 0) options.Menu.buildFromTemplate(template).popup({ window })
  })
  const crashes: number[] = []
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    const now = Date.now()
    crashes.push(now)
    while (crashes.length > 0 && (crashes[0] ?? now) < now - 60_000) crashes.shift()
    const reload = crashes.length <= MAX_RELOADS_PER_MINUTE && !window.isDestroyed()
    if (reload) contents.reload()
    options.onCrash(details.reason, reload)
  })
  void window.loadURL(options.url)
  return window
}
