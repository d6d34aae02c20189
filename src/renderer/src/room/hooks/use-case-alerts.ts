/**
 * Desktop notifications for the open case: a teammate's @mention of this member, a review
 * requested from them as owner, an approval given or withdrawn on the update they asked about.
 * What the case held when it opened was seen already; later alerts are shown once each, after
 * the change has settled for a moment, so a name typed letter by letter is one mention.
 */
import { useEffect } from 'react'
import type * as Y from 'yjs'
import { AlertWatch, noticesForAlerts } from '@shared/case/case-alerts'
import { readMeta } from '@shared/case/case-doc'
import { placeToString } from '@shared/case/case-place'
import { swarmroom } from '../../api'

/** How long the case must stay unchanged by teammates before new alerts are shown. */
const SETTLE_MS = 1500

export function useCaseAlerts(roomId: string, doc: Y.Doc, memberId: string): void {
  useEffect(() => {
    const watch = new AlertWatch(doc, memberId)
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = (): void => {
      const notices = noticesForAlerts(watch.takeNew(), readMeta(doc).title)
      for (const notice of notices) {
        void swarmroom.app.notify({
          roomId,
          title: notice.title.slice(0, 200),
          body: notice.body.slice(0, 1000),
          place: placeToString(notice.place),
        })
      }
    }
    const onUpdate = (
      _update: Uint8Array,
      _origin: unknown,
      _doc: Y.Doc,
      tr: Y.Transaction,
    ): void => {
      // This window's own edits never notify this member.
      if (tr.local) return
      clearTimeout(timer)
      timer = setTimeout(check, SETTLE_MS)
    }
    doc.on('update', onUpdate)
    return () => {
      clearTimeout(timer)
      doc.off('update', onUpdate)
    }
  }, [roomId, doc, memberId])
}
