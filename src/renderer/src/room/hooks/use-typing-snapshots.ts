/**
 * Keeps moments of the case for review's history while people type: when an edit of a section
 * made in this window is followed by a pause (or the case is left), a snapshot is taken unless
 * the case has one from the last five minutes (events take their own, in `logEvent`). Taken at
 * the pause, not at the first keystroke, a moment shows what was written, not its first letter.
 */
import { useEffect } from 'react'
import type * as Y from 'yjs'
import { section } from '@shared/case/case-doc'
import { SECTION_NAMES, SECTION_TITLES, type SectionName } from '@shared/case/schema'
import { takeSnapshotIfDue } from '@shared/case/snapshots'
import type { Identity } from '@shared/ipc'

/** How long typing must stop before the moment is kept. */
const TYPING_PAUSE_MS = 2000

export function useTypingSnapshots(doc: Y.Doc, identity: Identity): void {
  useEffect(() => {
    const fragments = new Map<unknown, SectionName>(
      SECTION_NAMES.map((name) => [section(doc, name), name]),
    )
    const edited = new Set<SectionName>()
    let timer: ReturnType<typeof setTimeout> | undefined
    const keepMoment = (): void => {
      timer = undefined
      if (edited.size === 0 || doc.isDestroyed) return
      const titles = SECTION_NAMES.filter((name) => edited.has(name)).map(
        (name) => SECTION_TITLES[name],
      )
      edited.clear()
      const label = `${identity.name} was writing in ${listed(titles)}`
      takeSnapshotIfDue(doc, identity.memberId, label)
    }
    const afterTransaction = (transaction: Y.Transaction): void => {
      if (!transaction.local) return
      const names = [...transaction.changedParentTypes.keys()]
        .map((type) => fragments.get(type))
        .filter((name) => name !== undefined)
      if (names.length === 0) return
      for (const name of names) edited.add(name)
      // Not inside the transaction: the snapshot is a change of its own.
      clearTimeout(timer)
      timer = setTimeout(keepMoment, TYPING_PAUSE_MS)
    }
    doc.on('afterTransaction', afterTransaction)
    return () => {
      doc.off('afterTransaction', afterTransaction)
      clearTimeout(timer)
      keepMoment()
    }
  }, [doc, identity])
}

function listed(titles: readonly string[]): string {
  if (titles.length <= 1) return titles.join('')
  return `${titles.slice(0, -1).join(', ')} and ${titles.at(-1) ?? ''}`
}
