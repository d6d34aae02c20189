/** The facts every note about a case starts with, and its timeline as note lines. */
import type * as Y from 'yjs'
import { readMeta } from '../case-doc'
import { memberName } from '../members'
import {
  ACTION_KIND_NAMES,
  CASE_STATUS_NAMES,
  HELP_DESK_NAMES,
  SWARM_TYPE_NAMES,
  type ActionEntry,
} from '../schema'
import { formatTime } from './note-blocks'

export function ticketLabel(doc: Y.Doc): string {
  const { ticket } = readMeta(doc)
  const name = `${HELP_DESK_NAMES[ticket.system]} ticket ${ticket.id || '(no id)'}`
  return ticket.url === '' ? name : `${name}, ${ticket.url}`
}

export function caseFields(doc: Y.Doc): [string, string][] {
  const meta = readMeta(doc)
  return [
    ['Ticket', ticketLabel(doc)],
    ['Customer', meta.customer || 'Not named'],
    ['Priority', meta.priority],
    ['Swarm type', SWARM_TYPE_NAMES[meta.swarmType]],
    ['Status', CASE_STATUS_NAMES[meta.status]],
    ['Case owner', memberName(doc, meta.ownerId)],
    ['Opened', formatTime(meta.createdAt)],
  ]
}

/** `2026-11-20 10:05 UTC · Omar · Found: text`, then the outcome on a line of its own. */
export function timelineLine(doc: Y.Doc, entry: ActionEntry): string {
  const head = `${formatTime(entry.time)} · ${memberName(doc, entry.author)} · ${ACTION_KIND_NAMES[entry.kind]}: ${entry.text}`
  return entry.outcome === '' ? head : `${head}\nOutcome: ${entry.outcome}`
}
