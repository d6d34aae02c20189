/** What main's IPC handlers work with: every service, built once by create-services.ts. */
import type { EventName, EventPayload } from '../../shared/ipc'
import type { AppStore } from './app-store'
import type { CaseSearch } from './case-search'
import type { DeepLinkInbox } from './deep-link-inbox'
import type { LocalSignaling } from './local-signaling'
import type { RoomKeys } from './room-keys'
import type { ConnectionsService } from './connections'
import type { ExportService } from './export-service'
import type { Outbox } from './outbox'
import type { RoomStore } from './room-store'
import type { SecretStore } from './secrets'
import type { TicketLinks } from './ticket-links'

/** A desktop notification; `onClick` runs when the user clicks it. */
export interface DesktopNotification {
  title: string
  body: string
  onClick: () => void
}

/** Shows a desktop notification (Electron's `Notification` in the app). */
export type Notify = (notification: DesktopNotification) => void

/** Tells the renderer something happened (`webContents.send` in the app). */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** A file the user saves (a note or an article); `format` picks the save dialog's filter. */
export interface FileToSave {
  suggestedName: string
  content: string
  format: 'markdown' | 'html'
}

/**
 * Asks the user where to save a file and writes it (a save dialog in the app, a folder in
 * tests). Resolves to the path written, or null when the user cancelled.
 */
export type SaveFile = (file: FileToSave) => Promise<string | null>

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
  /** Help-desk connections; their secrets stay in `secrets`. */
  connections: ConnectionsService
  /** Exports on their way to help desks, kept in app.json. */
  outbox: Outbox
  exports: ExportService
  /** Linking a case to its ticket and reading the ticket for the room's header. */
  tickets: TicketLinks
}
