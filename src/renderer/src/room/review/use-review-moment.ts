/**
 * The moment of the case the review shows: now, or one of its snapshots. For a snapshot it
 * gives both the Yjs snapshot (the sections render it in place, with authorship) and a separate
 * document holding the case as it was (for the timeline, status and shares at that moment).
 */
import { useEffect, useMemo } from 'react'
import type * as Y from 'yjs'
import { caseAt, snapshotOf } from '@shared/case/snapshots'
import type { SnapshotRecord } from '@shared/case/schema'

export type ReviewMoment =
  | { kind: 'now'; doc: Y.Doc }
  | { kind: 'earlier'; record: SnapshotRecord; snapshot: Y.Snapshot; doc: Y.Doc }
  | { kind: 'unavailable'; record: SnapshotRecord; message: string; doc: Y.Doc }

export function useReviewMoment(doc: Y.Doc, record: SnapshotRecord | null): ReviewMoment {
  const moment = useMemo((): ReviewMoment => {
    if (!record) return { kind: 'now', doc }
    try {
      return {
        kind: 'earlier',
        record,
        snapshot: snapshotOf(doc, record),
        doc: caseAt(doc, record),
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return { kind: 'unavailable', record, message, doc }
    }
  }, [doc, record])

  useEffect(() => {
    return () => {
      if (moment.kind === 'earlier') moment.doc.destroy()
    }
  }, [moment])

  return moment
}
