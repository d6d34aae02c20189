/** What main's IPC handlers work with: every service, built once by create-services.ts. */
import type { EventName, EventPayload } from '../../shared/ipc'
import type { AppStore } from './app-store'
import type { DeepLinkInbox } from './deep-link-inbox'
import type { LocalSignaling } from './local-signaling'
import type { RoomKeys } from './room-keys'
import type { RoomStore } from './room-store'
import type { SecretStore } from './secrets'

/** Tells the renderer something happened (`webContents.send` in the app). */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface Services {
  app: AppStore
  rooms: RoomStore
  secrets: SecretStore
  keys: RoomKeys
  /** The embedded signaling server, following the network settings. */
  signaling: LocalSignaling
  /** Opens a web link in the user's browser (through Electron's shell in the app). */
  openInBrowser: (url: string) => Promise<void>
  emit: Emit
  deepLinks: DeepLinkInbox
  now?: () => Date
}
