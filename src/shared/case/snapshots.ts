/**
 * The `snapshots` array: moments of the case worth going back to in review. A snapshot is
 * only a state vector and a delete set; the text itself stays in the document because case
 * documents are created with garbage collection off.
 */
import * as Y from 'yjs'
import { fromBase64, toBase64 } from 'lib0/buffer'
import { z } from 'zod'
import { SECTION_NAMES, TOP_LEVEL, type SnapshotRecord } from './schema'
import { sectionState } from './section-state'
import { readValue, type OnUnreadable } from './unreadable'

const recordSchema = z.object({
  at: z.string(),
  by: z.string().catch(''),
  label: z.string().catch(''),
  snapshot: z.string(),
})

export function snapshotsArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(TOP_LEVEL.snapshots)
}

/** Records the case as it is now. */
export function takeSnapshot(
  doc: Y.Doc,
  by: string,
  label: string,
  now: Date = new Date(),
): SnapshotRecord {
  const record: SnapshotRecord = {
    at: now.toISOString(),
    by,
    label: label.slice(0, 200),
    snapshot: toBase64(Y.encodeSnapshot(Y.snapshot(doc))),
  }
  snapshotsArray(doc).push([record])
  return record
}

/** The snapshots in the order they were taken; malformed entries from peers are skipped. */
export function listSnapshots(doc: Y.Doc, onUnreadable?: OnUnreadable): SnapshotRecord[] {
  const records: SnapshotRecord[] = []
  snapshotsArray(doc).forEach((item, index) => {
    const where = { part: 'snapshots', key: String(index) } as const
    const record = readValue(recordSchema, item, where, onUnreadable)
    if (record) records.push(record)
  })
  return records
}

/** A new, separate document holding the case as it was at the snapshot. */
export function caseAt(doc: Y.Doc, record: SnapshotRecord): Y.Doc {
  if (doc.gc) {
    throw new Error(
      'This case was opened with garbage collection on, so its earlier moments cannot be shown.',
    )
  }
  return Y.createDocFromSnapshot(doc, snapshotOf(doc, record), new Y.Doc({ gc: false }))
}

/**
 * The Yjs snapshot a record holds, checked against the document: every change it covers must
 * be here, or rendering it would show a moment that never was.
 */
export function snapshotOf(doc: Y.Doc, record: SnapshotRecord): Y.Snapshot {
  let snapshot: Y.Snapshot
  try {
    snapshot = Y.decodeSnapshot(fromBase64(record.snapshot))
  } catch {
    throw new Error(`The snapshot "${record.label}" is damaged and cannot be shown.`)
  }
  for (const [client, clock] of snapshot.sv) {
    if (Y.getState(doc.store, client) < clock) {
      throw new Error(
        `The case as it was at "${record.label}" has not fully reached this computer yet.`,
      )
    }
  }
  return snapshot
}

/** The longest stretch of typing without a snapshot (docs/case-schema.md, `snapshots`). */
export const TYPING_SNAPSHOT_INTERVAL_MS = 5 * 60_000

/**
 * Takes a snapshot when someone pauses typing, unless the case already has one from the last
 * five minutes (anyone's: teammates typing at once do not each add one). A recent snapshot of
 * a case with no text yet (the owner's first words, before anyone joined) does not count: the
 * first moment worth going back to is the one with what they wrote. Returns whether it did.
 */
export function takeSnapshotIfDue(
  doc: Y.Doc,
  by: string,
  label: string,
  now: Date = new Date(),
  interval: number = TYPING_SNAPSHOT_INTERVAL_MS,
): boolean {
  const last = lastSnapshot(doc)
  const lastAt = Date.parse(last?.at ?? '')
  // A snapshot dated in the future (a teammate's clock is wrong) does not hold ours back.
  const recent = lastAt <= now.getTime() && now.getTime() - lastAt < interval
  if (recent && !(last && hasSectionText(doc) && !shownWithText(doc, last))) return false
  takeSnapshot(doc, by, label, now)
  return true
}

function hasSectionText(doc: Y.Doc): boolean {
  return SECTION_NAMES.some((name) => sectionState(doc.getXmlFragment(name)) === 'present')
}

/** Whether any section had text at the snapshot; true when it cannot be shown, to be safe. */
function shownWithText(doc: Y.Doc, record: SnapshotRecord): boolean {
  let then: Y.Doc
  try {
    then = caseAt(doc, record)
  } catch {
    return true
  }
  const written = hasSectionText(then)
  then.destroy()
  return written
}

/** The newest well-formed snapshot, read from the end: this runs at every pause in typing. */
function lastSnapshot(doc: Y.Doc): SnapshotRecord | undefined {
  const array = snapshotsArray(doc)
  for (let index = array.length - 1; index >= 0; index--) {
    const parsed = recordSchema.safeParse(array.get(index))
    if (parsed.success) return parsed.data
  }
  return undefined
}
