/** What main's IPC handlers work with: every service, built once by create-services.ts. */
import type { EventName, EventPayload } from '../../shared/ipc'
import type { AppStore } from './app-store'
import type { DeepLinkInbox } from './deep-link-inbox'
import type { LocalSignaling } from './local-signaling'
import type { RoomKeys } from './room-keys'
import type { ConnectionsService } from './connections'
import type { ExportService } from './export-service'
import type { Outbox } from './outbox'
import type { RoomStore } from './room-store'
import type { SecretStore } from './secrets'
import type { TicketLinks } from './ticket-links'

/** Tells the renderer something happened (`webContents.send` in the app). */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** A file the user saves (a note as Markdown or HTML); `format` picks the save dialog's filter. */
export interface FileToSave {
  suggestedName: string
  content: string
  format: 'markdown' | 'html'
}

/**
 * Asks where to save a file and writes it (Electron's save dialog in the app, a folder in
 * tests); resolves with its path, or undefined when the user cancelled.
 */
export type SaveFile = (file: FileToSave) => Promise<string | undefined>

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
  /** Help-desk connections; their secrets stay in `secrets`. */
  connections: ConnectionsService
  /** Exports on their way to help desks, kept in app.json. */
  outbox: Outbox
  exports: ExportService
  /** Linking a case to its ticket and reading the ticket for the room's header. */
  tickets: TicketLinks
}
