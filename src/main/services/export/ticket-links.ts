/**
 * Linking a case to its ticket from a pasted URL, and reading the ticket for the room's
 * header. Which connection reads it: the one the user chose, else the only one to that help
 * desk, else the one whose address the ticket's URL starts with; if that is still not clear,
 * the user is asked.
 */
import { readMeta } from '@shared/case/case-doc'
import { HELP_DESK_NAMES, type TicketReference } from '@shared/case/schema'
import { linkTicket, writeTicketSeen } from '@shared/case/ticket-seen'
import {
  recogniseTicketUrl,
  recogniseTicketUrlAt,
  type RecognisedTicket,
} from '@shared/case/ticket-url'
import type { ConnectionChoice, LinkResult, TicketLookup } from '@shared/channels/export'
import { CONNECTOR_NAMES, connectorKindOf, helpDeskOf } from '@shared/help-desk-connections'
import { AppError } from '@shared/result'
import type { ConfirmedTickets } from '../cases/confirmed-tickets'
import type { CaseWriter } from '../cases/case-writer'
import type { ConnectionsService } from './connections'
import type { Connection } from './connectors/connection'
import { HelpDeskError } from './connectors/connector'
import { readTicket, seenFrom } from './ticket-check'

export interface Resolution {
  connection?: Connection
  /** Every connection to the ticket's help desk. */
  choices: Connection[]
}

function addressOf(connection: Connection): string {
  const address = 'baseUrl' in connection.config ? connection.config.baseUrl : connection.config.url
  return address.replace(/\/+$/, '').toLowerCase()
}

export function choiceOf(connection: Connection): ConnectionChoice {
  return { id: connection.id, kind: connection.kind, label: connection.label }
}

/** The connection an export or a read of `ticket` goes through (see the file's comment). */
export function resolveConnection(
  connections: readonly Connection[],
  ticket: TicketReference,
  chosenId?: string,
): Resolution {
  const kind = connectorKindOf(ticket.system)
  const choices = connections.filter((connection) => connection.kind === kind)
  if (chosenId !== undefined) {
    const chosen = connections.find((connection) => connection.id === chosenId)
    if (!chosen) {
      throw new AppError(
        'not-found',
        'That help-desk connection no longer exists. Choose another, or add it again in Settings → Help desks.',
      )
    }
    if (chosen.kind !== kind) {
      throw new AppError(
        'invalid-input',
        `“${chosen.label}” is a ${CONNECTOR_NAMES[chosen.kind]} connection, but this case's ` +
          `ticket is in ${HELP_DESK_NAMES[ticket.system]}. Choose a ${CONNECTOR_NAMES[kind]} connection.`,
      )
    }
    return { connection: chosen, choices }
  }
  if (choices.length <= 1) return { connection: choices[0], choices }
  const url = ticket.url.toLowerCase()
  const matching = choices.filter((connection) => {
    const address = addressOf(connection)
    return url === address || url.startsWith(`${address}/`) || url.startsWith(`${address}#`)
  })
  return matching.length === 1 ? { connection: matching[0], choices } : { choices }
}

/** A pasted URL as a ticket: a help desk's own address, or one under a saved connection's. */
export function recognise(
  url: string,
  connections: readonly Connection[],
): RecognisedTicket | undefined {
  const known = recogniseTicketUrl(url)
  if (known) return known
  for (const connection of connections) {
    if (connection.kind === 'webhook') continue
    const system = helpDeskOf(connection.kind)
    if (system === 'other') continue
    const found = recogniseTicketUrlAt(url, system, connection.config.baseUrl)
    if (found) return found
  }
  return undefined
}

function notATicketAddress(): AppError {
  return new AppError(
    'invalid-input',
    'Swarmroom does not recognise that as a ticket’s address. Open the ticket in your help ' +
      'desk and copy the address from the browser, e.g. https://yourcompany.zendesk.com/agent/tickets/123.',
  )
}

function chooseAmong(ticket: TicketReference, choices: readonly Connection[]) {
  const name = `${HELP_DESK_NAMES[ticket.system]} ticket ${ticket.id}`
  return {
    state: 'choose-connection' as const,
    message: `Several connections go to ${HELP_DESK_NAMES[ticket.system]}: choose the one that can see ${name}.`,
    choices: choices.map(choiceOf),
  }
}

export class TicketLinks {
  constructor(
    private readonly writer: CaseWriter,
    private readonly connections: ConnectionsService,
    private readonly now: () => Date,
    /** A ticket linked on this computer is the one its user confirmed for exports. */
    private readonly confirmedTickets: ConfirmedTickets,
  ) {}

  /** Links the case to the ticket at `url` and reads it for the header. */
  async link(roomId: string, url: string, connectionId?: string): Promise<LinkResult> {
    const connections = this.connections.all()
    const found = recognise(url, connections)
    if (!found) throw notATicketAddress()
    const ticket: TicketReference = { system: found.system, id: found.ticketId, url: url.trim() }
    const result = await this.read(roomId, ticket, connectionId, 'link')
    if (result.state === 'linked') await this.confirmedTickets.confirm(roomId, ticket)
    return result
  }

  /**
   * Reads the ticket at `url` before its case exists, so the new-case form can start from it:
   * its subject and requester when a connection can read it, the help desk and id always.
   */
  async lookUp(url: string, connectionId?: string): Promise<TicketLookup> {
    const connections = this.connections.all()
    const found = recognise(url, connections)
    if (!found) throw notATicketAddress()
    const ticket: TicketReference = { system: found.system, id: found.ticketId, url: url.trim() }
    const { connection, choices } = resolveConnection(connections, ticket, connectionId)
    if (!connection && choices.length > 1) return chooseAmong(ticket, choices)
    const desk = HELP_DESK_NAMES[ticket.system]
    const unread = { state: 'found' as const, ticket, subject: '', requester: '' }
    if (!connection) {
      const kind = CONNECTOR_NAMES[connectorKindOf(ticket.system)]
      return {
        ...unread,
        message: `${desk} ticket ${ticket.id}. To fill in its subject and requester, add a ${kind} connection in Settings → Help desks.`,
      }
    }
    try {
      const info = await this.connections.connector(connection.id).readTicket(ticket.id)
      return {
        ...unread,
        subject: info.subject,
        requester: info.requester,
        message: `Filled in from ${desk} ticket ${ticket.id}.`,
      }
    } catch (error) {
      if (!(error instanceof HelpDeskError)) throw error
      return {
        ...unread,
        message: `${desk} ticket ${ticket.id} could not be read, so fill in the rest yourself: ${error.message}`,
      }
    }
  }

  /** Reads the linked ticket again, for the header. */
  async refresh(roomId: string, connectionId?: string): Promise<LinkResult> {
    const doc = this.writer.read(roomId)
    const { ticket } = readMeta(doc)
    doc.destroy()
    if (ticket.id === '') {
      throw new AppError(
        'invalid-input',
        'This case is not linked to a ticket yet: paste its address first.',
      )
    }
    return this.read(roomId, ticket, connectionId, 'refresh')
  }

  private async read(
    roomId: string,
    ticket: TicketReference,
    connectionId: string | undefined,
    mode: 'link' | 'refresh',
  ): Promise<LinkResult> {
    const { connection, choices } = resolveConnection(this.connections.all(), ticket, connectionId)
    const name = `${HELP_DESK_NAMES[ticket.system]} ticket ${ticket.id}`
    if (!connection && choices.length > 1) return chooseAmong(ticket, choices)
    const save = (seen: Parameters<typeof linkTicket>[2]): void =>
      this.writer.write(roomId, (doc) => {
        if (mode === 'link') linkTicket(doc, ticket, seen)
        else if (seen) writeTicketSeen(doc, seen)
      })
    if (!connection) {
      save(undefined)
      const kind = CONNECTOR_NAMES[connectorKindOf(ticket.system)]
      const done = mode === 'link' ? `Linked to ${name}. ` : ''
      return {
        state: 'linked',
        ticket,
        seen: null,
        message:
          `${done}To show its subject, requester and status here and to export to it, ` +
          `add a ${kind} connection in Settings → Help desks.`,
      }
    }
    try {
      const reading = await readTicket(
        this.connections.connector(connection.id),
        ticket.id,
        this.now(),
      )
      const seen = seenFrom(ticket.id, reading)
      save(seen)
      const subject = seen.subject === '' ? '' : `: “${seen.subject}”`
      return { state: 'linked', ticket, seen, message: `Linked to ${name}${subject}.` }
    } catch (error) {
      if (!(error instanceof HelpDeskError)) throw error
      // A wrong address must not replace the ticket the case was linked to.
      if (error.kind === 'not-found' || mode === 'refresh') {
        throw new AppError('help-desk', error.message, { cause: error })
      }
      save(undefined)
      return {
        state: 'linked',
        ticket,
        seen: null,
        message: `Linked to ${name}, but it could not be read: ${error.message}`,
      }
    }
  }
}
