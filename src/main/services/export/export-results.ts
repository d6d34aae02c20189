/**
 * Writes what the outbox reports into the case, so every member sees it: the export's record
 * (queued, sent or failed, with the help desk's ids and the error in words), the customer
 * update as sent once the reply is on the ticket, and the timeline's `export` event. Every
 * write is derived from the outbox's saved entries, so repeating it changes nothing, and after
 * a restart the case catches up with what happened while it was closed.
 */
import type * as Y from 'yjs'
import { readMeta } from '@shared/case/case-doc'
import { findExport, writeExport } from '@shared/case/exports'
import { memberName } from '@shared/case/members'
import { HELP_DESK_NAMES, type ExportRecord } from '@shared/case/schema'
import { writeTicketSeen } from '@shared/case/ticket-seen'
import { logEvent } from '@shared/case/timeline'
import { recordSentUpdate } from '@shared/case/updates'
import type { ExportProgress } from '@shared/channels/export'
import type { CaseWriter } from '../cases/case-writer'
import type { ConnectionsService } from './connections'
import type { Outbox } from './outbox/outbox'
import type { OutboxEntry } from './outbox/outbox-entry'
import type { Emit } from '../ports'
import { readTicket, seenFrom } from './ticket-check'

/** Entries older than this that are settled are not checked against their case at start. */
const RECONCILE_DAYS = 7

/** An entry of an export to the ticket (a note or a reply), not a knowledge-base article. */
export type TicketEntry = OutboxEntry & { part: 'note' | 'reply' }

export function isTicketEntry(entry: OutboxEntry): entry is TicketEntry {
  return entry.part !== 'article'
}

export function progressOf(entry: TicketEntry): ExportProgress {
  return {
    roomId: entry.roomId,
    exportId: entry.exportId,
    part: entry.part,
    state: entry.state,
    message: entry.state === 'sent' ? '' : (entry.lastError?.message ?? ''),
    nextAttemptAt: entry.nextAttemptAt,
    attempts: entry.attempts,
    errorKind: entry.state === 'sent' ? null : (entry.lastError?.kind ?? null),
    connectionId: entry.connectionId,
  }
}

function wanted(record: ExportRecord, part: OutboxEntry['part']): boolean {
  return record.parts === 'both' || record.parts === part
}

/** The record as the outbox's entries for its parts say it is now. */
export function recordFrom(record: ExportRecord, entries: readonly OutboxEntry[]): ExportRecord {
  const parts = entries.filter((entry) => wanted(record, entry.part))
  const note = parts.find((entry) => entry.part === 'note')
  const reply = parts.find((entry) => entry.part === 'reply')
  const needed = record.parts === 'both' ? 2 : 1
  const stopped = parts.find((entry) => entry.state === 'failed' || entry.state === 'cancelled')
  const sent = parts.filter((entry) => entry.state === 'sent')
  const waiting = parts.find((entry) => entry.lastError && entry.state !== 'sent')
  const next: ExportRecord = { ...record, state: 'queued' }
  delete next.noteId
  delete next.replyId
  delete next.error
  delete next.sentAt
  delete next.cancelledAt
  if (note?.state === 'sent') next.noteId = note.commentId ?? ''
  if (reply?.state === 'sent') next.replyId = reply.commentId ?? ''
  if (stopped) {
    next.state = 'failed'
    if (stopped.state === 'cancelled') next.cancelledAt = stopped.updatedAt
    next.error =
      stopped.state === 'cancelled'
        ? `The ${stopped.part === 'reply' ? 'customer reply' : 'internal note'} was cancelled before it was sent.`
        : (stopped.lastError?.message ?? 'The export failed.')
  } else if (sent.length === needed) {
    next.state = 'sent'
    next.sentAt =
      sent
        .map((entry) => entry.sentAt ?? '')
        .sort()
        .at(-1) ?? ''
  } else if (waiting?.lastError) {
    next.error = waiting.lastError.message
  }
  if (parts.length === 0) return record
  return next
}

function partsName(parts: ExportRecord['parts']): string {
  if (parts === 'both') return 'The internal note and the customer reply'
  return parts === 'note' ? 'The internal note' : 'The customer reply'
}

function sentText(doc: Y.Doc, record: ExportRecord): string {
  const who = memberName(doc, record.by)
  const reached = partsName(record.parts)
  const text = `${reached} reached ${HELP_DESK_NAMES[record.system]} ticket ${record.ticketId} (exported by ${who}).`
  return record.unapprovedOverride
    ? `${text} The customer reply was not approved; ${who} sent it anyway.`
    : text
}

export class ExportResults {
  /** Reads of the ticket after an export, still under way. */
  private readonly reading = new Set<Promise<void>>()

  constructor(
    private readonly writer: CaseWriter,
    private readonly outbox: Outbox,
    private readonly connections: ConnectionsService,
    private readonly emit: Emit,
    private readonly now: () => Date,
  ) {
    outbox.onChange((entry) => this.changed(entry))
  }

  /** Brings cases up to date with outbox entries that changed while the app was not running. */
  reconcile(): void {
    const since = this.now().getTime() - RECONCILE_DAYS * 24 * 60 * 60 * 1000
    const byRoom = new Map<string, Set<string>>()
    for (const entry of this.outbox.list()) {
      if (!isTicketEntry(entry)) {
        this.logArticle(entry)
        continue
      }
      const settled = entry.state === 'sent' || entry.state === 'cancelled'
      if (settled && Date.parse(entry.updatedAt) < since) continue
      const ids = byRoom.get(entry.roomId) ?? new Set<string>()
      ids.add(entry.exportId)
      byRoom.set(entry.roomId, ids)
    }
    for (const [roomId, ids] of byRoom) this.sync(roomId, [...ids])
  }

  private changed(entry: OutboxEntry): void {
    if (!isTicketEntry(entry)) {
      this.logArticle(entry)
      return
    }
    this.emit('export:changed', progressOf(entry))
    const settled = this.sync(entry.roomId, [entry.exportId])
    if (settled.length === 0) return
    const read = this.refreshSeen(entry).finally(() => this.reading.delete(read))
    this.reading.add(read)
  }

  /** Resolves once the outbox sends nothing and no ticket is being read after an export. */
  async whenIdle(): Promise<void> {
    await this.outbox.whenIdle()
    while (this.reading.size > 0) {
      await Promise.all([...this.reading])
      await this.outbox.whenIdle()
    }
  }

  /** Writes the records of these exports; returns the ids of those that just became sent. */
  sync(roomId: string, exportIds: readonly string[]): string[] {
    if (!this.writer.has(roomId)) return []
    const entries = this.outbox.list(roomId)
    try {
      return this.writer.write(roomId, (doc) => {
        const becameSent: string[] = []
        doc.transact(() => {
          for (const id of exportIds) {
            const record = findExport(doc, id)
            if (!record) continue
            const mine = entries.filter((entry) => entry.exportId === id)
            if (this.apply(doc, record, mine)) becameSent.push(id)
          }
        })
        return becameSent
      })
    } catch (error) {
      // The outbox keeps the outcome; the next change or start writes it into the case.
      console.error(`writing export results into case ${roomId} failed`, error)
      return []
    }
  }

  private apply(doc: Y.Doc, record: ExportRecord, entries: readonly OutboxEntry[]): boolean {
    const next = recordFrom(record, entries)
    const reply = entries.find((entry) => entry.part === 'reply' && entry.state === 'sent')
    if (reply && wanted(record, 'reply') && record.replyId === undefined) {
      const content = { ...reply.content, contentHash: record.replyHash ?? '' }
      recordSentUpdate(doc, record.by, content, {
        id: `export:${record.id}`,
        via: record.system,
        ticketResult: {
          system: record.system,
          ticketId: record.ticketId,
          commentId: reply.commentId ?? '',
        },
        now: new Date(reply.sentAt ?? this.now().toISOString()),
      })
    }
    writeExport(doc, next)
    if (next.state !== 'sent' || record.state === 'sent') return false
    logEvent(
      doc,
      record.by,
      'export',
      sentText(doc, next),
      { export: record.id },
      {
        id: `export:${record.id}`,
        now: new Date(next.sentAt ?? this.now().toISOString()),
      },
    )
    return true
  }

  /** Once a knowledge-base draft is posted, the case's timeline says where it is. */
  private logArticle(entry: OutboxEntry): void {
    if (entry.state !== 'sent' || !this.writer.has(entry.roomId)) return
    const title = entry.content.title ?? ''
    const where = entry.link ? `: ${entry.link}` : '.'
    try {
      this.writer.write(entry.roomId, (doc) => {
        const vendor = HELP_DESK_NAMES[readMeta(doc).ticket.system]
        logEvent(
          doc,
          entry.by ?? '',
          'export',
          `The knowledge-base article “${title}” was posted to ${vendor} as a draft${where}`,
          { article: entry.commentId ?? '', link: entry.link ?? '' },
          { id: `article:${entry.id}`, now: new Date(entry.sentAt ?? this.now().toISOString()) },
        )
      })
    } catch (error) {
      console.error(`logging the article in case ${entry.roomId} failed`, error)
    }
  }

  /** After an export, the case's reading of the ticket includes what it posted itself. */
  private async refreshSeen(entry: OutboxEntry): Promise<void> {
    try {
      const connector = this.connections.connectorFor(entry.connectionId)
      if (!connector) return
      const reading = await readTicket(connector, entry.ticketId, this.now())
      if (!this.writer.has(entry.roomId)) return
      this.writer.write(entry.roomId, (doc) => {
        if (readMeta(doc).ticket.id !== entry.ticketId) return
        writeTicketSeen(doc, seenFrom(entry.ticketId, reading))
      })
    } catch (error) {
      console.warn('reading the ticket after an export failed', error)
    }
  }
}
