/**
 * Exporting a case to its ticket: the preview of exactly what each help desk receives, and the
 * export itself. A reply goes out only when approved, or with the owner's logged override, and
 * only after the ticket was read again and, if someone else changed it meanwhile, the owner
 * saw what changed and went ahead. Everything is queued in the outbox before anything is sent.
 */
import { randomUUID } from 'node:crypto'
import type * as Y from 'yjs'
import { customerUpdateHash } from '@shared/case/approval'
import { readMeta } from '@shared/case/case-doc'
import { findExport, listExports, writeExport } from '@shared/case/exports'
import { memberName } from '@shared/case/members'
import { checkCaseTrust, type CaseTrust } from '@shared/case/signatures/case-trust'
import { seenInCase } from '@shared/case/signatures/trust-pins'
import { HELP_DESK_NAMES, type ExportRecord } from '@shared/case/schema'
import { writeTicketSeen } from '@shared/case/ticket-seen'
import { logEvent } from '@shared/case/timeline'
import type {
  ExportParts,
  ExportPreview,
  ExportProgress,
  SendResult,
} from '@shared/channels/export'
import { POSTED_FORMAT, connectorKindOf } from '@shared/help-desk-connections'
import type { Identity } from '@shared/ipc'
import { AppError } from '@shared/result'
import type { CaseWriter } from '../cases/case-writer'
import type { ConfirmedTickets } from '../cases/confirmed-tickets'
import type { TrustStore } from '../identity/trust-store'
import type { ConnectionsService } from './connections'
import type { Connection } from './connectors/connection'
import {
  contentHash,
  exportContent,
  fileContent,
  postedBody,
  type ExportContent,
} from './export-content'
import { logCancelledExport } from './export-cancellation'
import { exportProblems } from './export-problems'
import { isTicketEntry, progressOf, type ExportResults } from './export-results'
import type { Outbox } from './outbox/outbox'
import type { OutboxEntry } from './outbox/outbox-entry'
import type { SaveFile } from '../ports'
import { storageError } from '../storage/storage-errors'
import {
  checkConfirmedTicket,
  checkReply,
  checkTicket,
  refuseRepeatedReply,
  unverifiedApproval,
  verifiedContent,
} from './reply-checks'
import { seenFrom, type TicketReading } from './ticket-check'
import { choiceOf, resolveConnection } from './ticket-links'

export interface SendRequest {
  roomId: string
  parts: ExportParts
  connectionId?: string | undefined
  previewHash: string
  overrideUnapproved?: boolean | undefined
  ticketToken?: string | undefined
  /** The owner confirmed the ticket the case points to (a `relinked` answer's token). */
  ticketLinkToken?: string | undefined
}

export interface ExportServiceOptions {
  writer: CaseWriter
  connections: ConnectionsService
  outbox: Outbox
  results: ExportResults
  identity: () => Identity | null
  /** The keys this computer pinned: approvals and ownership count only when they verify. */
  trust: TrustStore
  /** The ticket this computer's user linked or confirmed for each case. */
  confirmedTickets: ConfirmedTickets
  saveFile: SaveFile
  now: () => Date
}

export class ExportService {
  constructor(private readonly options: ExportServiceOptions) {}

  async preview(roomId: string, connectionId?: string): Promise<ExportPreview> {
    const doc = this.options.writer.read(roomId)
    try {
      const trust = await this.verify(roomId, doc)
      const { ticket } = readMeta(doc)
      const { connection, choices } = resolveConnection(this.all(), ticket, connectionId)
      const content = verifiedContent(exportContent(doc), trust)
      const format = POSTED_FORMAT[connection?.kind ?? connectorKindOf(ticket.system)]
      const part = (rendered: { html: string; text: string }): ExportPreview['note'] => ({
        posted: postedBody(format, rendered),
        html: rendered.html,
        text: rendered.text,
      })
      return {
        ticket,
        connection: connection ? choiceOf(connection) : null,
        choices: choices.map(choiceOf),
        format,
        note: part(content.note),
        reply: {
          ...part(content.reply),
          written: content.replyWritten,
          approval: {
            valid: content.approval.valid,
            state: content.approval.state,
            withdrawn: content.approval.withdrawn,
          },
        },
        hash: contentHash(format, content),
        problems: exportProblems(
          doc,
          trust,
          this.options.identity()?.memberId ?? '',
          connection,
          choices,
        ),
      }
    } finally {
      doc.destroy()
    }
  }

  async send(request: SendRequest): Promise<SendResult> {
    const actor = this.requireIdentity().memberId
    const doc = this.options.writer.read(request.roomId)
    try {
      const trust = await this.verify(request.roomId, doc)
      const { ticket } = readMeta(doc)
      const { connection, choices } = resolveConnection(this.all(), ticket, request.connectionId)
      const blocking = exportProblems(
        doc,
        trust,
        this.options.identity()?.memberId ?? '',
        connection,
        choices,
      )
      // Having to choose a connection, and nothing else in the way, is a question, not an error.
      if (!connection && choices.length > 1 && blocking.length === 1) {
        return {
          state: 'choose-connection',
          message: 'Several connections go to this help desk: choose the one to export through.',
          choices: choices.map(choiceOf),
        }
      }
      if (!connection || blocking.length > 0) {
        throw new AppError('invalid-input', blocking.join(' '))
      }
      const format = POSTED_FORMAT[connection.kind]
      const content = verifiedContent(exportContent(doc), trust)
      if (contentHash(format, content) !== request.previewHash) {
        return {
          state: 'preview-outdated',
          message:
            'The case changed since this preview was made. Look at the new preview, then export.',
        }
      }
      const relinked = await checkConfirmedTicket(this.options.confirmedTickets, request, ticket)
      if (relinked) return relinked
      const withReply = request.parts !== 'note'
      let reading: TicketReading | undefined
      if (withReply) {
        refuseRepeatedReply(doc, content.approval.currentHash)
        const refused = checkReply(
          content,
          request.overrideUnapproved === true,
          unverifiedApproval(doc, trust, actor),
        )
        if (refused) return refused
        const connector = this.options.connections.connector(connection.id)
        const checked = await checkTicket(doc, connector, request.ticketToken, this.options.now())
        if ('state' in checked) return checked
        reading = checked.reading
      }
      return await this.queue(request, doc, connection, content, actor, reading)
    } finally {
      doc.destroy()
    }
  }

  /** Resolves once nothing is being sent and every result is written into its case. */
  whenIdle(): Promise<void> {
    return this.options.results.whenIdle()
  }

  progress(roomId: string): ExportProgress[] {
    return this.options.outbox.list(roomId).filter(isTicketEntry).map(progressOf)
  }

  /**
   * Sends again the parts of an export made on this computer that failed or wait. Only the
   * owner retries, and a reply only while the customer update is still the text it carried.
   */
  async retry(roomId: string, exportId: string): Promise<ExportProgress[]> {
    const actor = await this.requireOwner(roomId, 'retry an export')
    this.withCase(roomId, (doc) => {
      const record = listExports(doc).find((item) => item.id === exportId)
      if (record && record.parts !== 'note' && record.replyHash !== customerUpdateHash(doc)) {
        throw new AppError(
          'invalid-input',
          'The customer update changed since this export was made, so retrying would post ' +
            'an old reply. Export the case again to send the current text.',
        )
      }
    })
    const entries = this.entriesOf(roomId, exportId)
    if (entries.length === 0) {
      const madeHere = this.withCase(roomId, (doc) => findExport(doc, exportId)?.by === actor)
      throw new AppError(
        'not-found',
        madeHere
          ? 'This export never left this computer (Swarmroom stopped before queuing it). ' +
              'Export the case again.'
          : 'This export was made on another computer, so only the person who made it can ' +
              'retry it there. You can export the case again instead.',
      )
    }
    for (const entry of entries) {
      if (entry.state === 'failed' || entry.state === 'waiting') {
        await this.options.outbox.retry(entry.id)
      }
    }
    return this.progress(roomId)
  }

  /**
   * Withdraws the parts of an export made on this computer that are not on the ticket yet:
   * they are never sent, and the case's timeline says who cancelled what. Only the owner
   * cancels, and not while a part is being sent (it may land).
   */
  async cancel(roomId: string, exportId: string): Promise<ExportProgress[]> {
    const actor = await this.requireOwner(roomId, 'cancel an export')
    const entries = this.entriesOf(roomId, exportId)
    if (entries.length === 0) {
      throw new AppError(
        'not-found',
        'This export is not in this computer’s outbox, so there is nothing to cancel here.',
      )
    }
    if (entries.some((entry) => entry.state === 'sending')) {
      throw new AppError(
        'invalid-input',
        'Part of this export is being sent right now, so it cannot be cancelled. Look again ' +
          'in a moment.',
      )
    }
    const open = entries.filter((entry) => entry.state !== 'sent' && entry.state !== 'cancelled')
    if (open.length === 0) return this.progress(roomId)
    // The reply first: cancelling the note first would let a waiting reply start.
    const replyFirst = [...open].sort((a, b) =>
      a.part === b.part ? 0 : a.part === 'reply' ? -1 : 1,
    )
    for (const entry of replyFirst) await this.options.outbox.cancel(entry.id)
    this.options.writer.write(roomId, (doc) => {
      logCancelledExport(doc, { actor, exportId, parts: open, now: this.options.now() })
    })
    return this.progress(roomId)
  }

  async saveFile(
    roomId: string,
    part: 'note' | 'reply',
    format: 'markdown' | 'html',
  ): Promise<{ saved: boolean; path: string }> {
    const file = this.withCase(roomId, (doc) => fileContent(doc, part, format))
    let path: string | null
    try {
      path = await this.options.saveFile({ ...file, format })
    } catch (error) {
      throw storageError(error, `“${file.suggestedName}”`, 'the folder you chose')
    }
    return path ? { saved: true, path } : { saved: false, path: '' }
  }

  private all(): Connection[] {
    return this.options.connections.all()
  }

  private withCase<T>(roomId: string, read: (doc: Y.Doc) => T): T {
    const doc = this.options.writer.read(roomId)
    try {
      return read(doc)
    } finally {
      doc.destroy()
    }
  }

  private async withCaseAsync<T>(roomId: string, read: (doc: Y.Doc) => Promise<T>): Promise<T> {
    const doc = this.options.writer.read(roomId)
    try {
      return await read(doc)
    } finally {
      doc.destroy()
    }
  }

  /** Pins what is new, verifies the case against the pins, and notes the verified owner. */
  private async verify(roomId: string, doc: Y.Doc): Promise<CaseTrust> {
    const pins = await this.options.trust.pin(roomId, seenInCase(doc, roomId))
    const trust = await checkCaseTrust(doc, pins)
    await this.options.trust.pin(roomId, pins, trust.owner.verified)
    return trust
  }

  /** The verified owner's member id, when that is who this computer is; refused otherwise. */
  private async requireOwner(roomId: string, doing: string): Promise<string> {
    const actor = this.requireIdentity().memberId
    const owner = await this.withCaseAsync(roomId, async (doc) => {
      return (await this.verify(roomId, doc)).owner.verified
    })
    if (owner !== actor) throw new AppError('invalid-input', `Only the case owner can ${doing}.`)
    return actor
  }

  /** The outbox entries of one export made on this computer (none for another's). */
  private entriesOf(roomId: string, exportId: string): OutboxEntry[] {
    return this.options.outbox.list(roomId).filter((entry) => entry.exportId === exportId)
  }

  private requireIdentity(): Identity {
    const identity = this.options.identity()
    if (!identity) throw new AppError('invalid-input', 'Choose your display name first.')
    return identity
  }

  private async queue(
    request: SendRequest,
    doc: Y.Doc,
    connection: Connection,
    content: ExportContent,
    actor: string,
    reading: TicketReading | undefined,
  ): Promise<SendResult> {
    const { ticket } = readMeta(doc)
    const withReply = request.parts !== 'note'
    const override = withReply && !content.approval.valid
    const record: ExportRecord = {
      id: randomUUID(),
      at: this.options.now().toISOString(),
      by: actor,
      system: ticket.system,
      ticketId: ticket.id,
      parts: request.parts,
      state: 'queued',
      ...(override ? { unapprovedOverride: true } : {}),
      ...(withReply ? { replyHash: content.approval.currentHash } : {}),
    }
    // The record first: the outbox reports progress against it as soon as a part is queued.
    this.options.writer.write(request.roomId, (written) => {
      written.transact(() => {
        writeExport(written, record)
        if (reading) writeTicketSeen(written, seenFrom(ticket.id, reading))
        if (override) {
          const who = memberName(written, actor)
          const text =
            `${who} chose to send a customer reply that was not approved to ` +
            `${HELP_DESK_NAMES[ticket.system]} ticket ${ticket.id}.`
          logEvent(written, actor, 'export', text, { export: record.id, unapprovedOverride: true })
        }
      })
    })
    const parts = request.parts === 'both' ? (['note', 'reply'] as const) : [request.parts]
    try {
      // All or nothing, in one write: a note without the reply queued with it would be half
      // an export, and a part sent before the rest was saved could not be taken back.
      await this.options.outbox.enqueueAll(
        parts.map((part) => {
          const rendered = part === 'note' ? content.note : content.reply
          return {
            roomId: request.roomId,
            exportId: record.id,
            connectionId: connection.id,
            ticketId: ticket.id,
            part,
            content: { html: rendered.html, text: rendered.text },
          }
        }),
      )
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const failed: ExportRecord = { ...record, state: 'failed', error: `Not queued: ${message}` }
      this.options.writer.write(request.roomId, (written) => writeExport(written, failed))
      throw error
    }
    return { state: 'queued', record }
  }
}
