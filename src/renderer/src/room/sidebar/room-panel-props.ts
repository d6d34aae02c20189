import type * as Y from 'yjs'
import type { Identity } from '@shared/ipc'

/** What every panel of a case room gets: the live document and who is looking at it. */
export interface RoomPanelProps {
  roomId: string
  doc: Y.Doc
  identity: Identity
}
