/**
 * The app's lifecycle, as the list of what it registers: one instance, the app:// page, one
 * hardened window that hides to the tray, the menus, logging, services over the user-data
 * folder, updates, and a quit that always finishes. Each part lives in its own file.
 */
import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeImage,
  net,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron'
import trayIconPath from '../../resources/tray-icon.png?asset'
import { APP_ID, HELP_URL, PRODUCT_NAME } from './app-identity'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { applicationMenuTemplate } from './application-menu'
import { desktopNotifier, saveDialog } from './desktop'
import { listenForDeepLinks, registerProtocol, type DeepLinks } from './deep-links'
import { safeStorageKeychain } from './keychain'
import { registerIpc } from './ipc'
import { registerLogging, type Logging } from './logging'
import { createMainWindow, WINDOW_SIZE } from './main-window'
import { denyPermissions, hardenWebContents, openInBrowser } from './security'
import { createServices, type MainServices } from './services/create-services'
import { APP_PAGE_URL } from './services/desktop/renderer-files'
import { saveFileWith } from './services/desktop/save-file'
import type { Updater } from './services/desktop/update-checker'
import { WindowStateStore } from './services/desktop/window-state'
import { createDispatcher, isFromRenderer } from './services/ipc-dispatch'
import type { Emit } from './services/ports'
import { registerShutdown } from './shutdown'
import { createTray } from './tray'

/** The dev server in `npm run dev`; the built page from the app's own scheme otherwise. */
const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const rendererUrl = devServerUrl ?? APP_PAGE_URL
/** How long a window may take to save its last edits when the app quits. */
const SAVE_BEFORE_QUIT_MS = 15_000

let mainWindow: BrowserWindow | undefined
let services: MainServices | undefined
let deepLinks: DeepLinks | undefined
/** What must stay referenced while the app runs: a collected tray icon disappears. */
const kept: { tray?: Tray } = {}
let quitting = false

function registerSecurity(): void {
  denyPermissions(session.defaultSession)
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => openInBrowser(shell, url))
  })
}

function registerMenu(): void {
  const template = applicationMenuTemplate({
    appName: PRODUCT_NAME,
    isPackaged: app.isPackaged,
    platform: process.platform,
    openHelp: () => void openInBrowser(shell, HELP_URL),
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function createWindow(running: MainServices): BrowserWindow {
  const window = createMainWindow({
    BrowserWindow,
    Menu,
    preload: join(__dirname, '../preload/index.cjs'),
    url: rendererUrl,
    state: new WindowStateStore(app.getPath('userData'), WINDOW_SIZE),
    workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
    isQuitting: () => quitting,
    onRendererGone: () => running.deepLinks.rendererGone(),
    onCrash: (reason, reloaded) => {
      console.error(`the window's renderer stopped (${reason}); reloaded: ${reloaded}`)
      running.notify({
        title: reloaded ? 'Swarmroom reopened its window' : 'Swarmroom’s window stopped',
        body: reloaded
          ? 'The window stopped unexpectedly and was opened again. Everything saved before ' +
            'is there; check your last few edits.'
          : 'The window keeps stopping, so it was left closed. Open Swarmroom again from the tray.',
        onClick: showWindow,
      })
    },
  })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined
  })
  return window
}

/** Brings the window forward, opening it again if it was closed. */
function showWindow(): void {
  if (!services) return
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow(services)
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

/** Main's events reach the window's preload, which hands them to `swarmroom.events.on`. */
const emitToWindow: Emit = (event, payload) => {
  if (mainWindow && !mainWindow.isDestroyed())
    mainWindow.webContents.send(`event:${event}`, payload)
}

function registerSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) return false
  registerProtocol(app)
  deepLinks = listenForDeepLinks(app, process.argv, showWindow)
  return true
}

function registerQuit(running: MainServices, logging: Logging): void {
  registerShutdown({
    app,
    windows: () => BrowserWindow.getAllWindows(),
    beginQuitting: () => {
      quitting = true
    },
    stopServices: () => running.shutdown(),
    saveTimeoutMs: SAVE_BEFORE_QUIT_MS,
    tellUnsaved: () => {
      dialog.showMessageBoxSync({
        type: 'warning',
        title: PRODUCT_NAME,
        message: 'Your last edits could not be saved before Swarmroom quit.',
        detail:
          'Swarmroom could not write them to this computer’s disk (it may be full). ' +
          `Everything saved before is safe. Details are in the log: ${logging.file}`,
      })
    },
  })
  // The tray keeps Swarmroom running with no window; it quits from the tray or the menu.
  app.on('window-all-closed', () => undefined)
}

/** electron-updater, loaded only once the team has set an update address. */
async function loadUpdater(): Promise<Updater> {
  const updater = await import('electron-updater')
  return updater.autoUpdater
}

async function start(): Promise<void> {
  const logging = registerLogging(app.getPath('logs'))
  await app.whenReady()
  registerSecurity()
  if (!devServerUrl) serveRenderer(protocol, net, join(__dirname, '../renderer'))
  registerMenu()
  const running = await createServices({
    dataFolder: app.getPath('userData'),
    rendererUrl,
    keychain: safeStorageKeychain(safeStorage),
    openInBrowser: (url) => openInBrowser(shell, url),
    emit: emitToWindow,
    notify: desktopNotifier(() => mainWindow),
    saveFile: saveFileWith(saveDialog(() => mainWindow)),
    updater: loadUpdater,
  })
  services = running
  // Rooms on this computer need the embedded signaling server; a failure is shown in Settings.
  running.signaling
    .apply(running.app.data.settings)
    .catch((error: unknown) => console.error('the signaling server could not start', error))
  registerIpc(createDispatcher(running.handlers, isFromRenderer(rendererUrl)))
  registerQuit(running, logging)
  deepLinks?.deliverTo(running.deepLinks)
  mainWindow = createWindow(running)
  kept.tray = createTray(Tray, Menu, nativeImage.createFromPath(trayIconPath), {
    show: showWindow,
    quit: () => app.quit(),
  })
  app.on('activate', showWindow)
  void running.updates.start()
}

// Before the app is ready: the scheme the page is served from, and how WebRTC finds LAN peers.
registerAppScheme(protocol)
// Peers on a LAN reach each other by their addresses; Chromium would hide them behind mDNS
// names that some office networks do not resolve. Only peers holding the room key see them.
app.commandLine.appendSwitch('disable-features', 'WebRtcHideLocalIpsWithMdns')
// Windows shows notifications only for an app with an id matching its Start menu shortcut.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

if (registerSingleInstance()) {
  start().catch((error: unknown) => {
    console.error('Swarmroom could not start', error)
    dialog.showErrorBox(PRODUCT_NAME, `Swarmroom could not start: ${String(error)}`)
    app.exit(1)
  })
} else {
  app.quit()
}
