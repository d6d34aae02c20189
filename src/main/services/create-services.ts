/** Builds main's services over a data folder; shared by the app and the e2e harness. */
import { AppStore } from './app-store'
import { createHandlers, type Services } from './handlers'
import type { Handlers } from './ipc-dispatch'
import { RoomStore } from './room-store'

export interface MainServices extends Services {
  handlers: Handlers
  /** Saves everything pending and closes every log: call before quitting. */
  shutdown(): Promise<void>
}

export async function createServices(
  dataFolder: string,
  openInBrowser: (url: string) => Promise<void>,
): Promise<MainServices> {
  const app = await AppStore.open(dataFolder)
  const rooms = new RoomStore(dataFolder)
  const services: Services = { app, rooms, openInBrowser }
  return {
    ...services,
    handlers: createHandlers(services),
    async shutdown() {
      rooms.closeAll()
      await app.flush()
    },
  }
}
