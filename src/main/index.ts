/** The app's lifecycle: one instance, one hardened window, services over the user-data folder. */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, safeStorage, session, shell } from 'electron'
import { desktopNotifier, saveDialog } from './desktop'
import { listenForDeepLinks, registerProtocol, type DeepLinks } from './deep-links'
import { safeStorageKeychain } from './keychain'
import { registerIpc } from './ipc'
import { createSecureWindow, denyPermissions, hardenWebContents, openInBrowser } from './security'
import { createServices, type MainServices } from './services/create-services'
import { createDispatcher, isFromRenderer } from './services/ipc-dispatch'
import { saveFileWith } from './services/desktop/save-file'
import type { Emit } from './services/ports'

const rendererUrl =
  process.env['ELECTRON_RENDERER_URL'] ??
  pathToFileURL(join(__dirname, '../renderer/index.html')).href

let mainWindow: BrowserWindow | undefined
let services: MainServices | undefined
let deepLinks: DeepLinks | undefined

function createWindow(): BrowserWindow {
  const window = createSecureWindow(BrowserWindow, join(__dirname, '../preload/index.cjs'), {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Swarmroom',
    autoHideMenuBar: true,
  })
  window.once('ready-to-show', () => window.show())
  // A reload or a closed window stops listening: deep links wait in the inbox until it asks.
  window.webContents.on('did-start-loading', () => services?.deepLinks.rendererGone())
  window.on('closed', () => {
    services?.deepLinks.rendererGone()
    if (mainWindow === window) mainWindow = undefined
  })
  void window.loadURL(rendererUrl)
  return window
}

function registerSecurity(): void {
  denyPermissions(session.defaultSession)
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => openInBrowser(shell, url))
  })
}

/** Brings the window forward, opening one (macOS keeps running without) once the app is up. */
function showWindow(): void {
  if (!mainWindow) {
    if (services) mainWindow = createWindow()
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
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

/** Closes every window, giving each the time its renderer needs to save what was typed. */
function closeWindows(): Promise<void> {
  const closing = BrowserWindow.getAllWindows().map(
    (window) =>
      new Promise<void>((done) => {
        window.once('closed', () => done())
        window.close()
        // A renderer that never finishes saving must not keep the app from quitting.
        setTimeout(done, 15_000).unref()
      }),
  )
  return Promise.all(closing).then(() => undefined)
}

function registerShutdown(): void {
  let shuttingDown = false
  app.on('before-quit', (event) => {
    if (shuttingDown || !services) return
    shuttingDown = true
    event.preventDefault()
    // Windows first: a renderer holding unsaved edits delays its close until they are on disk,
    // which needs main's services; only then do the services stop.
    const running = services
    closeWindows()
      .then(() => running.shutdown())
      .catch((error: unknown) => console.error('saving before quit failed', error))
      .finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

async function start(): Promise<void> {
  await app.whenReady()
  registerSecurity()
  services = await createServices({
    dataFolder: app.getPath('userData'),
    keychain: safeStorageKeychain(safeStorage),
    openInBrowser: (url) => openInBrowser(shell, url),
    emit: emitToWindow,
    notify: desktopNotifier(() => mainWindow),
    saveFile: saveFileWith(saveDialog(() => mainWindow)),
  })
  // Rooms on this computer need the embedded signaling server; a failure is shown in Settings.
  services.signaling
    .apply(services.app.data.settings)
    .catch((error: unknown) => console.error('the signaling server could not start', error))
  registerIpc(createDispatcher(services.handlers, isFromRenderer(rendererUrl)))
  registerShutdown()
  deepLinks?.deliverTo(services.deepLinks)
  mainWindow = createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
}

// Peers on a LAN reach each other by their addresses; Chromium would hide them behind mDNS
// names that some office networks do not resolve. Only peers holding the room key see them.
app.commandLine.appendSwitch('disable-features', 'WebRtcHideLocalIpsWithMdns')

if (registerSingleInstance()) {
  start().catch((error: unknown) => {
    console.error('Swarmroom could not start', error)
    app.exit(1)
  })
} else {
  app.quit()
}
