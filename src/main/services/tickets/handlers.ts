/** Channels of the case's Ticket panel: thin calls into the ticket-context service. */
import type { ticketsChannels } from '@shared/channels/tickets'
import type { HandlersOf } from '../ipc-dispatch'
import type { ArticleDrafts } from './article-drafts'
import type { TicketContextService } from './ticket-context'

export interface TicketsHandlerServices {
  ticketContext: TicketContextService
  articleDrafts: ArticleDrafts
}

export function createTicketsHandlers({
  ticketContext,
  articleDrafts,
}: TicketsHandlerServices): HandlersOf<typeof ticketsChannels> {
  return {
    'tickets:read': ({ roomId, connectionId }) => ticketContext.read(roomId, connectionId),
    'tickets:cached': ({ roomId }) => ticketContext.cached(roomId),
    'tickets:postArticle': ({ roomId, title, connectionId }) =>
      articleDrafts.post(roomId, title, connectionId),
    'tickets:articleState': ({ entryId }) => articleDrafts.state(entryId),
  }
}
