/** Builds main's services over a data folder; shared by the app and the e2e harness. */
import { AppError } from '@shared/result'
import { CaseIndex } from './cases/case-index'
import { CaseService } from './cases/case-service'
import { ConfirmedTickets } from './cases/confirmed-tickets'
import { CaseWriter } from './cases/case-writer'
import { DeepLinkInbox } from './desktop/deep-link-inbox'
import { UpdateChecker, type Updater } from './desktop/update-checker'
import { ConnectionsService } from './export/connections'
import type { ConnectorOptions } from './export/connectors/connector'
import { ExportResults } from './export/export-results'
import { ExportService } from './export/export-service'
import { Outbox } from './export/outbox/outbox'
import { TicketLinks } from './export/ticket-links'
import { DeviceKey } from './identity/device-key'
import { TrustStore } from './identity/trust-store'
import { createHandlers } from './handlers'
import type { Handlers } from './ipc-dispatch'
import type { Emit, Notify, OpenInBrowser, SaveFile } from './ports'
import { KeyRotation } from './rooms/key-rotation'
import { RoomHistory } from './rooms/room-history'
import { RoomNetwork } from './rooms/room-network'
import { CaseSearch } from './search/case-search'
import { CaseInsights } from './insights/case-insights'
import type { Services } from './services'
import { LocalSignaling } from './signaling/local-signaling'
import { browserOrigin } from './signaling/signaling-server'
import { AppStore } from './storage/app-store'
import { KeyProtection, type Keychain } from './storage/key-protection'
import { AtRestKey } from './storage/at-rest-key'
import { TicketContextCache } from './tickets/ticket-context-cache'
import { TicketContextService } from './tickets/ticket-context'
import { ArticleDrafts } from './tickets/article-drafts'
import { RoomKeys } from './storage/room-keys'
import { RoomStore } from './storage/room-store'
import { SecretStore } from './storage/secrets'

export interface MainServices extends Services {
  handlers: Handlers
  /** Saves everything pending and closes every log: call before quitting. */
  shutdown(): Promise<void>
}

export interface ServiceOptions {
  /** The user-data folder: app.json and rooms/ live here. */
  dataFolder: string
  /** The OS keychain (Electron's `safeStorage`) in the app; a Node implementation in tests. */
  keychain: Keychain
  /** Opens a web link in the user's browser. */
  openInBrowser: OpenInBrowser
  /** Tells the renderer something happened (`webContents.send` in the app). */
  emit?: Emit
  /** Shows a desktop notification (Electron's `Notification` in the app). */
  notify?: Notify
  /** Asks where to save a file and writes it (the save dialog in the app). */
  saveFile?: SaveFile
  /**
   * Where the app's window loads its page; only that page's origin may use the embedded
   * signaling server. @default none: no web page may connect, only programs.
   */
  rendererUrl?: string
  /** For help-desk requests (a shorter timeout in tests). */
  connectorOptions?: ConnectorOptions
  /** Loads electron-updater's `autoUpdater` in the app; without it updates stay off. */
  updater?: () => Promise<Updater>
}

export async function createServices(options: ServiceOptions): Promise<MainServices> {
  const app = await AppStore.open(options.dataFolder)
  const secrets = new SecretStore(app)
  const keyProtection = await KeyProtection.start(app, secrets, options.keychain)
  // Room logs and outbox bodies are encrypted with it; if the keychain cannot give it, both
  // refuse to open anything with a message rather than the app refusing to start.
  const atRestKey = new AtRestKey(secrets)
  const rooms = new RoomStore(options.dataFolder, atRestKey)
  const connections = new ConnectionsService(app, secrets, options.connectorOptions)
  const outbox = new Outbox({
    store: app,
    key: atRestKey,
    connectorFor: (id) => connections.connectorFor(id),
  })
  const emit: Emit = options.emit ?? (() => undefined)
  const saveFile = options.saveFile ?? noSaveDialog
  // Read through `services`, so a test that sets `services.now` moves every clock.
  const now = (): Date => services.now?.() ?? new Date()
  const caseIndex = new CaseIndex(app)
  const keys = new RoomKeys(secrets)
  const signaling = new LocalSignaling(
    options.rendererUrl === undefined ? [] : [browserOrigin(options.rendererUrl)],
  )
  const writer = new CaseWriter(app, caseIndex, rooms, emit, now)
  const results = new ExportResults(writer, outbox, connections, emit, now)
  const deviceKey = new DeviceKey(secrets, () => app.data.identity?.memberId)
  const trust = new TrustStore(app)
  const confirmedTickets = new ConfirmedTickets(app)
  const services: Services = {
    app,
    rooms,
    secrets,
    keyProtection,
    keys,
    caseIndex,
    cases: new CaseService(
      app,
      caseIndex,
      rooms,
      keys,
      now,
      async () => (await deviceKey.publicKey()).publicKey,
      confirmedTickets,
      emit,
    ),
    roomHistory: new RoomHistory(app, caseIndex, rooms, emit, now),
    roomNetwork: new RoomNetwork(app, caseIndex, keys, secrets, signaling),
    keyRotation: new KeyRotation({ app, caseIndex, rooms, keys, trust, now }),
    deviceKey,
    trust,
    signaling,
    openInBrowser: options.openInBrowser,
    search: new CaseSearch(rooms, () => app.data.cases),
    insights: new CaseInsights(rooms, () => app.data.cases, saveFile, now),
    notify: options.notify ?? (() => undefined),
    saveFile,
    emit,
    deepLinks: new DeepLinkInbox(emit),
    updates: new UpdateChecker({
      updater: options.updater ?? noUpdater,
      url: () => app.data.settings.updateUrl,
      emit,
    }),
    connections,
    outbox,
    tickets: new TicketLinks(writer, connections, now, confirmedTickets),
    ticketContext: new TicketContextService(
      writer,
      connections,
      new TicketContextCache(options.dataFolder, atRestKey),
      now,
    ),
    articleDrafts: new ArticleDrafts(
      writer,
      connections,
      outbox,
      () => app.data.identity?.memberId ?? '',
    ),
    exports: new ExportService({
      writer,
      connections,
      outbox,
      results,
      identity: () => app.data.identity,
      trust,
      confirmedTickets,
      saveFile,
      now,
    }),
  }
  // Once the secrets can be read (help-desk tokens): resumes exports a restart interrupted,
  // then catches cases up. Behind a passphrase that is when the user enters it.
  const startExports = async (): Promise<void> => {
    // The at-rest key is read, or made on this install's first start, once secrets can be.
    await atRestKey.ensure()
    await outbox.start()
    app.notices.push(...outbox.notices)
    results.reconcile()
  }
  if (secrets.loaded) await startExports()
  else
    void keyProtection
      .whenReady()
      .then(startExports)
      .catch((error: unknown) => console.error('the export outbox could not start', error))
  // The same object, so that a clock set on what this returns reaches the services above.
  return Object.assign(services, {
    handlers: createHandlers(services),
    async shutdown(): Promise<void> {
      services.updates.stop()
      await services.signaling.close()
      await outbox.stop()
      await results.whenIdle()
      rooms.closeAll()
      await app.flush()
    },
  })
}

const noSaveDialog: SaveFile = async () => {
  throw new AppError('internal', 'Saving files is not available here: copy the text instead.')
}

const noUpdater = async (): Promise<Updater> => {
  throw new AppError('internal', 'Updates are not available in this build of Swarmroom.')
}
