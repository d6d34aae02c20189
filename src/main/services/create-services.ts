/** Builds main's services over a data folder; shared by the app and the e2e harness. */
import { AppStore } from './app-store'
import { createHandlers, type Services } from './handlers'
import type { Handlers } from './ipc-dispatch'
import { RoomStore } from './room-store'
import { SecretStore, type Encryptor } from './secrets'

export interface MainServices extends Services {
  handlers: Handlers
  secrets: SecretStore
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
}

export async function createServices(options: ServiceOptions): Promise<MainServices> {
  const app = await AppStore.open(options.dataFolder)
  const rooms = new RoomStore(options.dataFolder)
  const secrets = new SecretStore(options.encryptor, app)
  const services: Services = { app, rooms, openInBrowser: options.openInBrowser }
  return {
    ...services,
    secrets,
    handlers: createHandlers(services),
    async shutdown() {
      rooms.closeAll()
      await app.flush()
    },
  }
}
