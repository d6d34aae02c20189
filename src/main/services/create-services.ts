/** Builds main's services over a data folder; shared by the app and the e2e harness. */
import { AppError } from '../../shared/result'
import { AppStore } from './app-store'
import { CaseSearch } from './case-search'
import { createHandlers } from './handlers'
import type { Handlers } from './ipc-dispatch'
import { DeepLinkInbox } from './deep-link-inbox'
import { LocalSignaling } from './local-signaling'
import { RoomKeys } from './room-keys'
import { RoomStore } from './room-store'
import { SecretStore, type Encryptor } from './secrets'
import type { Emit, Notify, SaveFile, Services } from './services'

export interface MainServices extends Services {
  handlers: Handlers
  /** Saves everything pending and closes every log: call before quitting. */
  shutdown(): Promise<void>
}

export interface ServiceOptions {
  /** The user-data folder: app.json and rooms/ live here. */
  dataFolder: string
  /** Electron's `safeStorage` in the app; a Node implementation in tests. */
  encryptor: Encryptor
  /** Opens a web link in the user's browser. */
  openInBrowser: (url: string) => Promise<void>
  /** Tells the renderer something happened (`webContents.send` in the app). */
  emit?: Emit
  /** Shows a desktop notification (Electron's `Notification` in the app). */
  notify?: Notify
  /** Asks where to save a text file and writes it (a save dialog in the app). */
  saveFile?: SaveFile
}

export async function createServices(options: ServiceOptions): Promise<MainServices> {
  const app = await AppStore.open(options.dataFolder)
  const rooms = new RoomStore(options.dataFolder)
  const secrets = new SecretStore(options.encryptor, app)
  const emit: Emit = options.emit ?? (() => undefined)
  const services: Services = {
    app,
    rooms,
    secrets,
    keys: new RoomKeys(secrets),
    signaling: new LocalSignaling(),
    openInBrowser: options.openInBrowser,
    search: new CaseSearch(rooms, () => app.data.cases),
    notify: options.notify ?? (() => undefined),
    saveFile: options.saveFile ?? noSaveDialog,
    emit,
    deepLinks: new DeepLinkInbox(emit),
  }
  return {
    ...services,
    handlers: createHandlers(services),
    async shutdown() {
      await services.signaling.close()
      rooms.closeAll()
      await app.flush()
    },
  }
}

async function noSaveDialog(): Promise<string | null> {
  throw new AppError('internal', 'Saving files is not available here: copy the text instead.')
}
