/** The order the outbox keeps between the parts of one export. */
import type { OutboxEntry } from './outbox-entry'

/**
 * A reply goes after the note of its export, once that note is on the ticket or cancelled, so
 * the customer never reads an answer the swarm's note has not reached yet; the note's own
 * attempt wakes it.
 */
export function waitsForItsNote(entry: OutboxEntry, entries: Iterable<OutboxEntry>): boolean {
  if (entry.part !== 'reply') return false
  for (const other of entries) {
    if (other.part !== 'note' || other.exportId !== entry.exportId) continue
    if (other.roomId !== entry.roomId) continue
    if (other.state !== 'sent' && other.state !== 'cancelled') return true
  }
  return false
}
