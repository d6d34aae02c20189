import type * as Y from 'yjs'
import { readMembers } from '@shared/case/members'
import { ACTION_KIND_NAMES } from '@shared/case/schema'
import { listActions } from '@shared/case/timeline'
import { clockTime } from '../../common/format'

/** The timeline as it was at the moment shown, newest first; read-only. */
export function ReviewTimeline({ doc }: { doc: Y.Doc }): React.JSX.Element {
  const members = readMembers(doc)
  const entries = [...listActions(doc)].reverse()
  return (
    <section className="review-panel" aria-labelledby="review-timeline-heading">
      <h3 id="review-timeline-heading">Timeline at this moment</h3>
      {entries.length === 0 ? (
        <p className="review-panel__empty">Nothing was logged yet.</p>
      ) : (
        // Focusable so that it scrolls by keyboard too.
        <ol
          className="review-timeline"
          reversed
          tabIndex={0}
          aria-label="Timeline entries at this moment"
        >
          {entries.map((entry) => (
            <li key={entry.id} className="review-timeline__entry">
              <div className="timeline-entry__meta">
                <span className={`kind kind--${entry.kind}`}>{ACTION_KIND_NAMES[entry.kind]}</span>
                <span>{members.get(entry.author)?.name ?? 'Unknown member'}</span>
                <time dateTime={entry.time}>{clockTime(entry.time)}</time>
              </div>
              <p className="review-timeline__text">{entry.text}</p>
              {entry.outcome && <p className="timeline-entry__outcome">Outcome: {entry.outcome}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
