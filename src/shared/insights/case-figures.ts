/**
 * What the leads' insights count, for one case, read from its document alone. Computed in main
 * for every case on this computer; nothing here leaves it.
 */
import type * as Y from 'yjs'
import { readCauses } from '../case/causes'
import { readMeta } from '../case/case-doc'
import { between, firstResolvedAt } from '../case/metrics'
import type { ActionEntry, CaseStatus, Priority, SwarmType } from '../case/schema'
import { listActions } from '../case/timeline'
import { listUpdates } from '../case/updates'

/**
 * The longest a customer in a live case should wait for the next update: past it the room's
 * waiting badge turns red, and here an update counts as late.
 */
export const UPDATE_CADENCE_MS = 4 * 3_600_000

export interface CaseFigures {
  roomId: string
  title: string
  createdAt: string
  swarmType: SwarmType
  priority: Priority
  status: CaseStatus
  archived: boolean
  causes: string[]
  /** Case opened → first customer update sent; null until one is. */
  timeToFirstUpdate: number | null
  /** Case opened → first move to resolved; null while it never was. */
  timeToResolve: number | null
  /** Case opened → resolved, or → now while it is open: the time the case took up. */
  timeOpen: number
  handoffs: number
  escalations: number
  updatesSent: number
  /** Updates sent within `UPDATE_CADENCE_MS` of the previous one (or of the opening). */
  updatesOnCadence: number
  /** Updates due that came late: sent late, plus the current wait if it is already past due. */
  updatesLate: number
  /** Moves from resolved or reviewed back to triage or swarming. */
  reopened: number
}

/**
 * What a case's figures come from, read from its document: it changes only when the document
 * does, so main keeps it while the log is unchanged and works the figures out at each report.
 */
export interface CaseFacts {
  roomId: string
  title: string
  createdAt: string
  swarmType: SwarmType
  priority: Priority
  status: CaseStatus
  causes: string[]
  /** When each customer update was sent, oldest first. */
  sentAt: string[]
  /** When the case was first moved to resolved. */
  resolvedAt?: string
  handoffs: number
  escalations: number
  reopened: number
}

export function caseFacts(doc: Y.Doc, roomId: string): CaseFacts {
  const meta = readMeta(doc)
  const entries = listActions(doc)
  const resolvedAt = firstResolvedAt(entries)
  return {
    roomId,
    title: meta.title,
    createdAt: meta.createdAt,
    swarmType: meta.swarmType,
    priority: meta.priority,
    status: meta.status,
    causes: readCauses(doc),
    sentAt: listUpdates(doc).map((update) => update.sentAt),
    ...(resolvedAt === undefined ? {} : { resolvedAt }),
    handoffs: count(
      entries,
      (entry) => entry.kind === 'handoff' || entry.kind === 'ownership-accepted',
    ),
    escalations: count(entries, (entry) => entry.kind === 'escalation'),
    reopened: count(entries, isReopening),
  }
}

/** The case's figures as of `now`: an open case's time open and current wait grow with it. */
export function caseFigures(facts: CaseFacts, archived: boolean, now: Date): CaseFigures {
  const { sentAt, resolvedAt, ...rest } = facts
  const until = resolvedAt ?? now.toISOString()
  return {
    ...rest,
    archived,
    timeToFirstUpdate: between(facts.createdAt, sentAt[0]),
    timeToResolve: between(facts.createdAt, resolvedAt),
    timeOpen: Math.max(0, between(facts.createdAt, until) ?? 0),
    updatesSent: sentAt.length,
    ...updateCadence(facts.createdAt, sentAt, until),
  }
}

/**
 * Each update is measured from the one before it (the first from the opening); the wait after
 * the last one counts as late only once it is past due while the case is still open (`until`
 * is the resolution, or now).
 */
function updateCadence(
  createdAt: string,
  sentAt: readonly string[],
  until: string,
): Pick<CaseFigures, 'updatesOnCadence' | 'updatesLate'> {
  let previous = createdAt
  let onCadence = 0
  let late = 0
  for (const time of sentAt) {
    const waited = between(previous, time)
    if (waited !== null && waited > UPDATE_CADENCE_MS) late += 1
    else onCadence += 1
    previous = time
  }
  const waiting = between(previous, until)
  if (waiting !== null && waiting > UPDATE_CADENCE_MS) late += 1
  return { updatesOnCadence: onCadence, updatesLate: late }
}

function isReopening(entry: ActionEntry): boolean {
  if (entry.kind !== 'status-changed') return false
  const { from, to } = entry.data ?? {}
  return (from === 'resolved' || from === 'reviewed') && (to === 'triage' || to === 'swarming')
}

function count(entries: readonly ActionEntry[], test: (entry: ActionEntry) => boolean): number {
  return entries.reduce((total, entry) => total + (test(entry) ? 1 : 0), 0)
}
