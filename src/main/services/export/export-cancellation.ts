/** What the case's timeline says when the owner cancels an export before it reached the ticket. */
import type * as Y from 'yjs'
import { findExport } from '@shared/case/exports'
import { memberName } from '@shared/case/members'
import { HELP_DESK_NAMES } from '@shared/case/schema'
import { logEvent } from '@shared/case/timeline'
import type { OutboxEntry } from './outbox/outbox-entry'

const PART_NAMES = {
  note: 'the internal note',
  reply: 'the customer reply',
  article: 'the knowledge-base article',
} as const

interface Cancellation {
  actor: string
  exportId: string
  /** The parts that were withdrawn. */
  parts: readonly Pick<OutboxEntry, 'part'>[]
  now: Date
}

/** Logs one `export` event (id `export-cancelled:<export id>`) naming who cancelled what. */
export function logCancelledExport(
  doc: Y.Doc,
  { actor, exportId, parts, now }: Cancellation,
): void {
  const record = findExport(doc, exportId)
  const what =
    parts.length === 2
      ? 'the internal note and the customer reply'
      : PART_NAMES[parts[0]?.part ?? 'note']
  const where = record ? ` to ${HELP_DESK_NAMES[record.system]} ticket ${record.ticketId}` : ''
  logEvent(
    doc,
    actor,
    'export',
    `${memberName(doc, actor)} cancelled the export of ${what}${where} before it was sent.`,
    { export: exportId, cancelled: true },
    { id: `export-cancelled:${exportId}`, now },
  )
}
