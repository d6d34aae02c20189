import { ACTION_KIND_NAMES, type ActionEntry } from '@shared/case/schema'
import { useContext } from 'react'
import { clockTime } from '../../common/format'
import { TrustContext } from '../trust/trust-context'
import { UnverifiedBadge } from '../trust/unverified-badge'
import type { TimelineItemProps } from './timeline-list'

/**
 * Something the app logged about the case (a hand-over, an approval, a status change): set
 * apart from what people wrote, and never editable.
 */
export function TimelineEvent({
  entry,
  item,
}: {
  entry: ActionEntry
  item: TimelineItemProps
}): React.JSX.Element {
  const problem = useContext(TrustContext)?.trust?.unverifiedEvents[entry.id]
  return (
    <li
      {...item}
      className={`timeline-event timeline-event--${entry.kind}`}
      data-kind={entry.kind}
      data-action-id={entry.id}
      tabIndex={-1}
    >
      <span className="timeline-event__mark" aria-hidden="true" />
      <div className="timeline-event__body">
        <p className="timeline-event__text">{entry.text}</p>
        <p className="timeline-event__meta">
          <span className="timeline-event__kind">{ACTION_KIND_NAMES[entry.kind]}</span>
          <span>App event</span>
          <time dateTime={entry.time}>{clockTime(entry.time)}</time>
          {problem && <UnverifiedBadge reason={problem} />}
        </p>
      </div>
    </li>
  )
}
