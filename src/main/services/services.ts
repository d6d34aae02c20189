/** What main's IPC handlers work with: every service, built once by create-services.ts. */
import type { EventName, EventPayload } from '../../shared/ipc'
import type { AppStore } from './app-store'
import type { CaseSearch } from './case-search'
import type { DeepLinkInbox } from './deep-link-inbox'
import type { LocalSignaling } from './local-signaling'
import type { RoomKeys } from './room-keys'
import type { RoomStore } from './room-store'
import type { SecretStore } from './secrets'

/** A desktop notification; `onClick` runs when the user clicks it. */
export interface DesktopNotification {
  title: string
  body: string
  onClick: () => void
}

/** Shows a desktop notification (Electron's `Notification` in the app). */
export type Notify = (notification: DesktopNotification) => void

/**
 * Asks the user where to save a text file and writes it (a save dialog in the app). Resolves
 * to the path written, or null when the user cancelled.
 */
export type SaveFile = (file: { suggestedName: string; content: string }) => Promise<string | null>

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
  search: CaseSearch
  notify: Notify
  saveFile: SaveFile
  deepLinks: DeepLinkInbox
  now?: () => Date
}
