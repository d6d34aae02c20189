/**
 * The case's Ticket panel in main: reads the linked ticket's conversation and the requester's
 * other tickets through the case's connection (the token stays in main), saves what it read
 * for offline reading, and when the help desk cannot answer returns that saved copy with its
 * "as of" time and the reason in words. After a 429 the help desk is not asked again before
 * the time it named: the saved copy is returned until then.
 */
import { readMeta } from '@shared/case/case-doc'
import type { TicketReference } from '@shared/case/schema'
import type { TicketContext } from '@shared/channels/tickets'
import { CONNECTOR_NAMES } from '@shared/help-desk-connections'
import { AppError } from '@shared/result'
import type { CaseWriter } from '../cases/case-writer'
import type { ConnectionsService } from '../export/connections'
import { HelpDeskError } from '../export/connectors/connector'
import { resolveConnection } from '../export/ticket-links'
import type { TicketContextCache } from './ticket-context-cache'
import { problemInWords } from './ticket-problems'

export class TicketContextService {
  /** Per connection: no request before this time (the help desk's Retry-After). */
  private readonly waitUntil = new Map<string, Date>()

  constructor(
    private readonly writer: CaseWriter,
    private readonly connections: ConnectionsService,
    private readonly cache: TicketContextCache,
    private readonly now: () => Date,
  ) {}

  /** The saved copy of the case's conversation, without asking the help desk. */
  async cached(roomId: string): Promise<TicketContext | null> {
    const saved = await this.cache.load(roomId)
    const ticket = this.ticketOf(roomId)
    return saved && sameTicket(saved, ticket) ? { ...saved, fresh: false } : null
  }

  /** Reads the conversation now; the saved copy when the help desk cannot answer. */
  async read(roomId: string, connectionId?: string): Promise<TicketContext> {
    const ticket = this.ticketOf(roomId)
    if (ticket.id === '') {
      throw new AppError(
        'invalid-input',
        'This case is not linked to a ticket yet: paste its address first.',
      )
    }
    const { connection } = resolveConnection(this.connections.all(), ticket, connectionId)
    if (!connection) {
      throw new AppError(
        'invalid-input',
        'Choose the help-desk connection that can see this ticket, or add one in Settings → Help desks.',
      )
    }
    const vendor = CONNECTOR_NAMES[connection.kind]
    const waitUntil = this.waitUntil.get(connection.id)
    if (waitUntil && waitUntil > this.now()) {
      const error = new HelpDeskError('rate-limited', 'rate limited', { retryAt: waitUntil })
      return this.fallBack(roomId, ticket, problemInWords(error, vendor, ticket.id, this.now()))
    }
    try {
      const connector = this.connections.connector(connection.id)
      const [messages, otherTickets] = await Promise.all([
        connector.readConversation(ticket.id),
        connector.recentTicketsOfRequester(ticket.id),
      ])
      const context: TicketContext = {
        system: ticket.system,
        ticketId: ticket.id,
        messages,
        otherTickets,
        asOf: this.now().toISOString(),
        fresh: true,
        problem: '',
      }
      // A copy that cannot be saved (disk full) must not hide what was read.
      await this.cache.save(roomId, context).catch((error: unknown) => {
        console.error('the ticket conversation could not be saved for offline reading', error)
      })
      return context
    } catch (error) {
      if (!(error instanceof HelpDeskError)) throw error
      if (error.kind === 'rate-limited' && error.retryAt) {
        this.waitUntil.set(connection.id, error.retryAt)
      }
      return this.fallBack(roomId, ticket, problemInWords(error, vendor, ticket.id, this.now()))
    }
  }

  private async fallBack(
    roomId: string,
    ticket: TicketReference,
    problem: string,
  ): Promise<TicketContext> {
    const saved = await this.cache.load(roomId)
    if (!saved || !sameTicket(saved, ticket)) {
      throw new AppError(
        'help-desk',
        `${problem} No copy of this ticket is saved on this computer yet.`,
      )
    }
    return { ...saved, fresh: false, problem }
  }

  private ticketOf(roomId: string): TicketReference {
    const doc = this.writer.read(roomId)
    try {
      return readMeta(doc).ticket
    } finally {
      doc.destroy()
    }
  }
}

/** A copy of another ticket (the case was linked again since) is not this ticket's. */
function sameTicket(saved: TicketContext, ticket: TicketReference): boolean {
  return saved.system === ticket.system && saved.ticketId === ticket.id
}
