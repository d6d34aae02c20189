/**
 * The ticket each case is linked to as this computer's user last set or confirmed it. Any
 * member can change `meta.ticket`, and which member a Yjs change came from is itself only a
 * claim in the document, so the owner's app keeps its own record: an export to a ticket
 * that differs from it asks the owner first (a hostile peer could otherwise point the note
 * and the reply at another customer's ticket).
 */
import { ticketSchema, type TicketReference } from '@shared/case/schema'
import type { AppData, AppStore } from '../storage/app-store'

export class ConfirmedTickets {
  constructor(private readonly app: AppStore) {}

  /** The ticket last confirmed for the case; undefined when this computer never set one. */
  get(roomId: string): TicketReference | undefined {
    const raw = Object.hasOwn(this.app.data.confirmedTickets, roomId)
      ? this.app.data.confirmedTickets[roomId]
      : undefined
    const parsed = ticketSchema.safeParse(raw)
    return parsed.success ? parsed.data : undefined
  }

  /** Whether `ticket` is the one confirmed for the case (same help desk and ticket id). */
  isConfirmed(roomId: string, ticket: TicketReference): boolean {
    const confirmed = this.get(roomId)
    return confirmed !== undefined && sameTicket(confirmed, ticket)
  }

  async confirm(roomId: string, ticket: TicketReference): Promise<void> {
    await this.app.update((data) => recordConfirmedTicket(data, roomId, ticket))
  }

  async forget(roomId: string): Promise<void> {
    if (!Object.hasOwn(this.app.data.confirmedTickets, roomId)) return
    await this.app.update((data) => {
      data.confirmedTickets = Object.fromEntries(
        Object.entries(data.confirmedTickets).filter(([id]) => id !== roomId),
      )
    })
  }
}

/** Records the ticket inside another app.json change (creating a case, in one write). */
export function recordConfirmedTicket(
  data: AppData,
  roomId: string,
  ticket: TicketReference,
): void {
  if (ticket.id === '' && ticket.url === '') return
  data.confirmedTickets = { ...data.confirmedTickets, [roomId]: { ...ticket } }
}

export function sameTicket(a: TicketReference, b: TicketReference): boolean {
  return a.system === b.system && a.id === b.id
}
