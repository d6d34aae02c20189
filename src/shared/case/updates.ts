/**
 * The `updates` array: every customer update as it went out. Only an approved text can be
 * marked as sent, and sending uses the approval up, so the next update starts as a draft.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { approvalStatus, resetApproval } from './approval'
import { readMeta } from './case-doc'
import { memberName } from './members'
import { requireOwner } from './permissions'
import { customerReply } from './fragments/customer-reply'
import {
  HELP_DESKS,
  HELP_DESK_NAMES,
  TOP_LEVEL,
  type SentUpdate,
  type TicketResult,
} from './schema'
import { logEvent } from './timeline'
import { readValue, type OnUnreadable } from './unreadable'

export interface MarkSentOptions {
  via: SentUpdate['via']
  ticketResult?: TicketResult
  now?: Date
  /**
   * A fixed id for an update recorded from an export (derived from the export), so recording
   * it again (after a crash, say) adds nothing. A new one is made otherwise.
   */
  id?: string
}

const ticketResultSchema = z.object({
  system: z.enum(HELP_DESKS),
  ticketId: z.string(),
  commentId: z.string(),
})

const updateSchema = z.object({
  id: z.string(),
  sentAt: z.string(),
  by: z.string().catch(''),
  text: z.string().catch(''),
  html: z.string().catch(''),
  contentHash: z.string().catch(''),
  via: z.enum(['manual', ...HELP_DESKS]).catch('manual'),
  ticketResult: ticketResultSchema.optional().catch(undefined),
})

export function updatesArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(TOP_LEVEL.updates)
}

/** The owner records that the approved update reached the customer; returns the entry. */
export function markSent(doc: Y.Doc, actor: string, options: MarkSentOptions): SentUpdate {
  requireOwner(doc, actor, 'mark the customer update as sent')
  const status = approvalStatus(doc)
  if (!status.valid) {
    throw new Error(
      'Only an approved customer update can be marked as sent, and this text is not approved.',
    )
  }
  return recordSentUpdate(
    doc,
    actor,
    { ...customerReply(doc), contentHash: status.currentHash },
    options,
  )
}

/** A customer update exactly as it went out. */
export interface SentContent {
  text: string
  html: string
  /** The customer update's hash when it was sent (see approval.ts). */
  contentHash: string
}

/**
 * Records an update that reached the customer, as `markSent` does, for content sent earlier
 * (an export that reached the ticket later, or with the owner's override of the approval).
 * The approval is used up when it covered the sent text, or when the text is still the sent
 * one; an approval of newer text stays.
 */
export function recordSentUpdate(
  doc: Y.Doc,
  actor: string,
  content: SentContent,
  options: MarkSentOptions,
): SentUpdate {
  const now = options.now ?? new Date()
  const existing = options.id ? listUpdates(doc).find((item) => item.id === options.id) : undefined
  if (existing) return existing
  const update: SentUpdate = {
    id: options.id ?? globalThis.crypto.randomUUID(),
    sentAt: now.toISOString(),
    by: actor,
    text: content.text,
    html: content.html,
    contentHash: content.contentHash,
    via: options.via,
    ...(options.ticketResult ? { ticketResult: { ...options.ticketResult } } : {}),
  }
  const status = approvalStatus(doc)
  const usedUp =
    status.contentHash === content.contentHash || status.currentHash === content.contentHash
  doc.transact(() => {
    const entry = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(update)) entry.set(key, value)
    updatesArray(doc).push([entry])
    if (usedUp) resetApproval(doc)
    const way = options.via === 'manual' ? '' : ` through ${HELP_DESK_NAMES[options.via]}`
    const text = `${memberName(doc, actor)} sent the customer update${way}.`
    logEvent(
      doc,
      actor,
      'update-sent',
      text,
      { update: update.id },
      {
        now,
        ...(options.id ? { id: `update-sent:${options.id}` } : {}),
      },
    )
  })
  return update
}

/** Updates as sent, oldest first; malformed entries from peers are skipped. */
export function listUpdates(doc: Y.Doc, onUnreadable?: OnUnreadable): SentUpdate[] {
  return updatesArray(doc)
    .toArray()
    .flatMap((item: unknown, index) => {
      const where = { part: 'updates', key: String(index) } as const
      if (!(item instanceof Y.Map)) {
        onUnreadable?.(where)
        return []
      }
      const update = readValue(updateSchema, item.toJSON(), where, onUnreadable)
      if (!update) return []
      const { ticketResult, ...rest } = update
      return [ticketResult ? { ...rest, ticketResult } : rest]
    })
}

/** Since when the customer has heard nothing: the last update sent, else the case's creation. */
export function customerWaitingSince(doc: Y.Doc): string | null {
  const last = listUpdates(doc).at(-1)
  if (last) return last.sentAt
  const createdAt = readMeta(doc).createdAt
  return createdAt === '' ? null : createdAt
}
