/** Figures for the review, computed from the case document alone; durations in milliseconds. */
import type * as Y from 'yjs'
import { UNKNOWN_AUTHOR, authorshipOf } from './authorship'
import { readMeta } from './case-doc'
import { SECTION_NAMES, isPersonActionKind, type ActionEntry } from './schema'
import { listActions } from './timeline'
import { listUpdates } from './updates'

export interface CaseMetrics {
  /** From the case's creation to the first customer update sent; null until one is. */
  timeToFirstUpdate: number | null
  /** From the case's creation to its first move to resolved; null until then. */
  timeToResolve: number | null
  /** Members who wrote anything: text still in a section, or a timeline entry of their own. */
  contributors: number
  /** Handoffs plus hand-overs of ownership that were accepted. */
  handoffs: number
  updatesSent: number
}

export function caseMetrics(doc: Y.Doc): CaseMetrics {
  const createdAt = readMeta(doc).createdAt
  const entries = listActions(doc)
  const updates = listUpdates(doc)
  const writers = new Set<string>()
  for (const name of SECTION_NAMES) {
    for (const [memberId, count] of authorshipOf(doc, name).characters) {
      if (count > 0 && memberId !== UNKNOWN_AUTHOR) writers.add(memberId)
    }
  }
  for (const entry of entries) {
    if (isPersonActionKind(entry.kind) && entry.author !== '') writers.add(entry.author)
  }
  return {
    timeToFirstUpdate: between(createdAt, updates[0]?.sentAt),
    timeToResolve: between(createdAt, firstResolvedAt(entries)),
    contributors: writers.size,
    handoffs: entries.filter(
      (entry) => entry.kind === 'handoff' || entry.kind === 'ownership-accepted',
    ).length,
    updatesSent: updates.length,
  }
}

/** When the case was first moved to resolved. */
export function firstResolvedAt(entries: readonly ActionEntry[]): string | undefined {
  return entries.find(
    (entry) => entry.kind === 'status-changed' && entry.data?.['to'] === 'resolved',
  )?.time
}

/** The milliseconds from one ISO time to another; null when either is missing or unreadable. */
export function between(from: string, to: string | undefined): number | null {
  if (to === undefined) return null
  const duration = Date.parse(to) - Date.parse(from)
  return Number.isFinite(duration) ? duration : null
}
