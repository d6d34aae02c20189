/**
 * `meta.ticketSeen`: what Swarmroom last read of the linked ticket (subject, requester, status,
 * its last change and newest comment). The header shows it; before a reply is posted, the
 * ticket is read again and compared with it, so a reply someone else sent meanwhile is noticed.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { metaMap, readMeta } from './case-doc'
import type { TicketReference, TicketSeen } from './schema'
import { readValue, type OnUnreadable } from './unreadable'

const seenSchema = z.object({
  ticketId: z.string(),
  subject: z.string().catch(''),
  requester: z.string().catch(''),
  status: z.string().catch(''),
  updatedAt: z.string().catch(''),
  readAt: z.string().catch(''),
  lastCommentId: z.string().catch(''),
})

/** The record for the ticket the case is linked to now; undefined if never read (or another). */
export function readTicketSeen(doc: Y.Doc, onUnreadable?: OnUnreadable): TicketSeen | undefined {
  const value = metaMap(doc).get('ticketSeen')
  if (value === undefined) return undefined
  const where = { part: 'meta', key: 'ticketSeen' } as const
  const seen = readValue(seenSchema, value, where, onUnreadable)
  if (!seen) return undefined
  const { ticket } = readMeta(doc)
  return ticket.id !== '' && seen.ticketId === ticket.id ? seen : undefined
}

export function writeTicketSeen(doc: Y.Doc, seen: TicketSeen): void {
  metaMap(doc).set('ticketSeen', { ...seen })
}

/** Links the case to a ticket, with what was read of it (or no record, when it was not read). */
export function linkTicket(doc: Y.Doc, ticket: TicketReference, seen?: TicketSeen): void {
  doc.transact(() => {
    metaMap(doc).set('ticket', { ...ticket })
    if (seen) writeTicketSeen(doc, seen)
    else metaMap(doc).delete('ticketSeen')
  })
}

/** Two readings of one ticket are the same when its last change and newest comment are. */
export function ticketFingerprint(seen: Pick<TicketSeen, 'updatedAt' | 'lastCommentId'>): string {
  return `${seen.updatedAt}|${seen.lastCommentId}`
}
