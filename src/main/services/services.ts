/**
 * Every service of main, built once by create-services.ts. Only the wiring reads this bag:
 * each feature's handlers take the few services they use (their `*HandlerServices` type).
 */
import type { CaseIndex } from './cases/case-index'
import type { CaseService } from './cases/case-service'
import type { DeepLinkInbox } from './desktop/deep-link-inbox'
import type { UpdateChecker } from './desktop/update-checker'
import type { ConnectionsService } from './export/connections'
import type { ExportService } from './export/export-service'
import type { Outbox } from './export/outbox/outbox'
import type { TicketLinks } from './export/ticket-links'
import type { DeviceKey } from './identity/device-key'
import type { TrustStore } from './identity/trust-store'
import type { CaseInsights } from './insights/case-insights'
import type { Emit, Notify, OpenInBrowser, SaveFile } from './ports'
import type { KeyRotation } from './rooms/key-rotation'
import type { RoomHistory } from './rooms/room-history'
import type { RoomNetwork } from './rooms/room-network'
import type { CaseSearch } from './search/case-search'
import type { LocalSignaling } from './signaling/local-signaling'
import type { AppStore } from './storage/app-store'
import type { KeyProtection } from './storage/key-protection'
import type { RoomKeys } from './storage/room-keys'
import type { RoomStore } from './storage/room-store'
import type { SecretStore } from './storage/secrets'
import type { ArticleDrafts } from './tickets/article-drafts'
import type { TicketContextService } from './tickets/ticket-context'

export interface Services {
  app: AppStore
  rooms: RoomStore
  secrets: SecretStore
  /** Keychain or passphrase: whether the secrets can be used yet. */
  keyProtection: KeyProtection
  keys: RoomKeys
  /** The cases app.json lists: finding one or failing with one message. */
  caseIndex: CaseIndex
  /** Creating, joining, archiving and deleting cases. */
  cases: CaseService
  /** A room's saved history: loading it and saving each edit. */
  roomHistory: RoomHistory
  /** How rooms reach teammates: network settings, connection, invite, relay. */
  roomNetwork: RoomNetwork
  /** Moving a case to a new room key. */
  keyRotation: KeyRotation
  /** The embedded signaling server, following the network settings. */
  signaling: LocalSignaling
  openInBrowser: OpenInBrowser
  emit: Emit
  search: CaseSearch
  /** The leads' figures across the cases on this computer. */
  insights: CaseInsights
  notify: Notify
  saveFile: SaveFile
  deepLinks: DeepLinkInbox
  /** Updates from the team's update folder, when one is set. */
  updates: UpdateChecker
  /** Help-desk connections; their secrets stay in `secrets`. */
  connections: ConnectionsService
  /** Exports on their way to help desks, kept in app.json. */
  outbox: Outbox
  exports: ExportService
  /** Linking a case to its ticket and reading the ticket for the room's header. */
  tickets: TicketLinks
  /** The linked ticket's conversation and the requester's other tickets, kept for offline. */
  ticketContext: TicketContextService
  /** The case's knowledge-base draft, posted as a help desk's draft article through the outbox. */
  articleDrafts: ArticleDrafts
  /** This computer's signing key; the private half never leaves main. */
  deviceKey: DeviceKey
  /** The member keys and first owner this computer pinned per case. */
  trust: TrustStore
  /** The clock every service reads; tests set it to move time. */
  now?: () => Date
}
