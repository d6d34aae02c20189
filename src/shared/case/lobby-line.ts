/**
 * What the lobby lists of a case, read from its document: the room reports it to main as the
 * case changes, so the lobby can sort by owner and by how long the customer has waited without
 * opening every case.
 */
import type * as Y from 'yjs'
import { readMeta } from './case-doc'
import { readMember } from './members'
import type { CaseStatus, Priority, SwarmType, TicketReference } from './schema'
import { customerWaitingSince, listUpdates } from './updates'

export interface LobbyLine {
  title: string
  ticket: TicketReference
  customer: string
  priority: Priority
  swarmType: SwarmType
  status: CaseStatus
  ownerId: string
  ownerName: string
  customerWaitingSince: string
  updatesSent: boolean
}

export function readLobbyLine(doc: Y.Doc): LobbyLine {
  const { title, ticket, customer, priority, status, swarmType, ownerId } = readMeta(doc)
  return {
    title,
    ticket,
    customer,
    priority,
    swarmType,
    status,
    ownerId,
    ownerName: readMember(doc, ownerId)?.name ?? '',
    customerWaitingSince: customerWaitingSince(doc) ?? '',
    updatesSent: listUpdates(doc).length > 0,
  }
}
