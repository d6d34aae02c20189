/**
 * Keeps moments of the case for review's history while people type: after an edit of a
 * section made in this window, a snapshot is taken unless the case has one from the last five
 * minutes (events take their own, in `logEvent`).
 */
import { useEffect } from 'react'
import type * as Y from 'yjs'
import { section } from '@shared/case/case-doc'
import { SECTION_NAMES, SECTION_TITLES, type SectionName } from '@shared/case/schema'
import { takeSnapshotIfDue } from '@shared/case/snapshots'
import type { Identity } from '@shared/ipc'

export function useTypingSnapshots(doc: Y.Doc, identity: Identity): void {
  useEffect(() => {
    const fragments = new Map<unknown, SectionName>(
      SECTION_NAMES.map((name) => [section(doc, name), name]),
    )
    let queued = false
    const afterTransaction = (transaction: Y.Transaction): void => {
      if (!transaction.local || queued) return
      const edited = [...transaction.changedParentTypes.keys()]
        .map((type) => fragments.get(type))
        .find((name) => name !== undefined)
      if (edited === undefined) return
      // Not inside the transaction's own cleanup: the snapshot is a change of its own.
      queued = true
      queueMicrotask(() => {
        queued = false
        const label = `${identity.name} was writing in ${SECTION_TITLES[edited]}`
        if (!doc.isDestroyed) takeSnapshotIfDue(doc, identity.memberId, label)
      })
    }
    doc.on('afterTransaction', afterTransaction)
    return () => doc.off('afterTransaction', afterTransaction)
  }, [doc, identity])
}
