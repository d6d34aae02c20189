/** Channels of the case's Ticket panel: thin calls into the ticket-context service. */
import type { ticketsChannels } from '@shared/channels/tickets'
import type { HandlersOf } from '../ipc-dispatch'
import type { TicketContextService } from './ticket-context'

export interface TicketsHandlerServices {
  ticketContext: TicketContextService
}

export function createTicketsHandlers({
  ticketContext,
}: TicketsHandlerServices): HandlersOf<typeof ticketsChannels> {
  return {
    'tickets:read': ({ roomId, connectionId }) => ticketContext.read(roomId, connectionId),
    'tickets:cached': ({ roomId }) => ticketContext.cached(roomId),
  }
}
