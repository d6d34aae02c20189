import { describe, expect, it } from 'vitest'
import { readMeta, updateMeta } from '../../../src/shared/case/case-doc'
import type { TicketSeen } from '../../../src/shared/case/schema'
import {
  linkTicket,
  readTicketSeen,
  ticketFingerprint,
  writeTicketSeen,
} from '../../../src/shared/case/ticket-seen'
import { newCase } from './case-fixture'

const seen: TicketSeen = {
  ticketId: '48213',
  subject: 'Invoices fail to export',
  requester: 'Maria Customer',
  status: 'open',
  updatedAt: '2026-03-02T09:00:00Z',
  readAt: '2026-11-20T09:30:00.000Z',
  lastCommentId: '1',
}

describe('what the case last read of its ticket', () => {
  it('links the case to a ticket together with what was read of it', () => {
    const doc = newCase()
    const ticket = {
      system: 'zendesk' as const,
      id: '48213',
      url: 'http://127.0.0.1:9/agent/tickets/48213',
    }
    linkTicket(doc, ticket, seen)
    expect(readMeta(doc).ticket).toEqual(ticket)
    expect(readTicketSeen(doc)).toEqual(seen)
  })

  it('forgets the reading when the case is linked to a ticket that could not be read', () => {
    const doc = newCase()
    writeTicketSeen(doc, seen)
    linkTicket(doc, { system: 'zendesk', id: '50000', url: '' })
    expect(readTicketSeen(doc)).toBeUndefined()
  })

  it('ignores a reading of another ticket than the one linked now', () => {
    const doc = newCase()
    writeTicketSeen(doc, seen)
    updateMeta(doc, { ticket: { system: 'zendesk', id: '777', url: '' } })
    expect(readTicketSeen(doc)).toBeUndefined()
  })

  it('tells two readings apart by the ticket’s last change and newest comment', () => {
    const readLater: TicketSeen = { ...seen, readAt: '2026-11-20T11:00:00.000Z' }
    const newComment: TicketSeen = { ...seen, lastCommentId: '2' }
    expect(ticketFingerprint(readLater)).toBe(ticketFingerprint(seen))
    expect(ticketFingerprint(newComment)).not.toBe(ticketFingerprint(seen))
  })
})
