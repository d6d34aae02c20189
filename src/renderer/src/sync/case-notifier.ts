/**
 * Desktop notifications from one case, on screen or in the background: a teammate's @mention
 * of this member, a review requested from them as owner, an approval given or withdrawn on the
 * update they asked about, ownership offered. What the case held when it was loaded was seen
 * already; later alerts are shown once each, after the change has settled for a moment, so a
 * name typed letter by letter is one mention.
 */
import type * as Y from 'yjs'
import { AlertWatch, noticesForAlerts } from '@shared/case/case-alerts'
import { readMeta } from '@shared/case/case-doc'
import { placeToString } from '@shared/case/case-place'
import { swarmroom } from '../api'

/** How long the case must stay unchanged by teammates before new alerts are shown. */
const SETTLE_MS = 1500

export class CaseNotifier {
  private readonly watch: AlertWatch
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly roomId: string,
    private readonly doc: Y.Doc,
    memberId: string,
  ) {
    this.watch = new AlertWatch(doc, memberId)
    doc.on('update', this.onUpdate)
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.doc.off('update', this.onUpdate)
  }

  private readonly onUpdate = (
    _update: Uint8Array,
    _origin: unknown,
    _doc: Y.Doc,
    tr: Y.Transaction,
  ): void => {
    // This member's own edits never notify them.
    if (tr.local) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.check(), SETTLE_MS)
  }

  private check(): void {
    const notices = noticesForAlerts(this.watch.takeNew(), readMeta(this.doc).title)
    for (const notice of notices) {
      void swarmroom.app.notify({
        roomId: this.roomId,
        title: notice.title.slice(0, 200),
        body: notice.body.slice(0, 1000),
        place: placeToString(notice.place),
      })
    }
  }
}
