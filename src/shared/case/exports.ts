/**
 * The `exports` array: what was sent to the help desk, by whom and with what result, so every
 * member sees what reached the ticket. Main writes it as the outbox reports progress.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { HELP_DESKS, TOP_LEVEL, type ExportRecord } from './schema'
import { readValue, type OnUnreadable } from './unreadable'

const optionalText = z.string().optional().catch(undefined)

const recordSchema = z.object({
  id: z.string().min(1),
  at: z.string().catch(''),
  by: z.string().catch(''),
  system: z.enum(HELP_DESKS).catch('other'),
  ticketId: z.string().catch(''),
  parts: z.enum(['note', 'reply', 'both']).catch('both'),
  state: z.enum(['queued', 'sent', 'failed']).catch('queued'),
  noteId: optionalText,
  replyId: optionalText,
  error: optionalText,
  unapprovedOverride: z.boolean().optional().catch(undefined),
  sentAt: optionalText,
  replyHash: optionalText,
  cancelledAt: optionalText,
})

const OPTIONAL_KEYS = [
  'noteId',
  'replyId',
  'error',
  'unapprovedOverride',
  'sentAt',
  'replyHash',
  'cancelledAt',
] as const

export function exportsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(TOP_LEVEL.exports)
}

/** Exports oldest first; malformed entries from peers are skipped, of one id the first kept. */
export function listExports(doc: Y.Doc, onUnreadable?: OnUnreadable): ExportRecord[] {
  const records: ExportRecord[] = []
  const seen = new Set<string>()
  exportsArray(doc).forEach((item: unknown, index) => {
    const where = { part: 'exports', key: String(index) } as const
    if (!(item instanceof Y.Map)) {
      onUnreadable?.(where)
      return
    }
    const record = readValue(recordSchema, item.toJSON(), where, onUnreadable)
    if (!record || seen.has(record.id)) return
    seen.add(record.id)
    const defined = Object.entries(record).filter(([, value]) => value !== undefined)
    records.push(Object.fromEntries(defined) as unknown as ExportRecord)
  })
  return records
}

export function findExport(doc: Y.Doc, id: string): ExportRecord | undefined {
  return listExports(doc).find((record) => record.id === id)
}

/**
 * Adds the record, or brings the one with its id up to date: only keys that differ are set and
 * optional keys it no longer has are removed. Returns false when nothing had to change.
 */
export function writeExport(doc: Y.Doc, record: ExportRecord): boolean {
  const existing = exportsArray(doc)
    .toArray()
    .find((item) => item instanceof Y.Map && item.get('id') === record.id)
  const values: Record<string, unknown> = { ...record }
  if (!existing) {
    const entry = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined) entry.set(key, value)
    }
    exportsArray(doc).push([entry])
    return true
  }
  const changed = Object.entries(values).filter(
    ([key, value]) => value !== undefined && existing.get(key) !== value,
  )
  const removed = OPTIONAL_KEYS.filter((key) => values[key] === undefined && existing.has(key))
  if (changed.length === 0 && removed.length === 0) return false
  doc.transact(() => {
    for (const [key, value] of changed) existing.set(key, value)
    for (const key of removed) existing.delete(key)
  })
  return true
}
