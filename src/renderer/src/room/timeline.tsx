import { useState } from 'react'
import { membersMap, readMembers } from '@shared/case/members'
import {
  actionsArray,
  addAction,
  deleteAction,
  editAction,
  filterActions,
  listActions,
} from '@shared/case/timeline'
import type { RoomPanelProps } from './room-panel-props'
import { TimelineEntry } from './timeline-entry'
import { NO_FILTER, TimelineFilters, toActionFilter } from './timeline-filters'
import { TimelineForm } from './timeline-form'
import { useYRead } from './use-y-read'
import './timeline.css'

/** What the swarm has tried, found and decided, and what happened to the case; newest first. */
export function Timeline({ doc, identity }: RoomPanelProps): React.JSX.Element {
  const entries = useYRead(actionsArray(doc), () => listActions(doc))
  const members = useYRead(membersMap(doc), () => readMembers(doc))
  const [error, setError] = useState<string>()
  const [filter, setFilter] = useState(NO_FILTER)
  const shown = filterActions(entries, toActionFilter(filter))

  function attempt(change: () => void): void {
    try {
      change()
      setError(undefined)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }

  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Actions taken</h2>
      <TimelineForm
        submitLabel="Add to timeline"
        onSubmit={(input) => attempt(() => addAction(doc, identity.memberId, input))}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {entries.length > 0 && (
        <TimelineFilters
          value={filter}
          members={members}
          shown={shown.length}
          total={entries.length}
          onChange={setFilter}
        />
      )}
      {entries.length === 0 ? (
        <p className="timeline__empty">
          Nothing logged yet. Add what you tried and what you found.
        </p>
      ) : shown.length === 0 ? (
        <p className="timeline__empty">Nothing matches this filter.</p>
      ) : (
        <ol className="timeline__list" reversed>
          {[...shown].reverse().map((entry) => (
            <TimelineEntry
              key={entry.id}
              entry={entry}
              author={members.get(entry.author)}
              isOwn={entry.author === identity.memberId}
              onEdit={(input) => attempt(() => editAction(doc, entry.id, identity.memberId, input))}
              onDelete={() => attempt(() => deleteAction(doc, entry.id, identity.memberId))}
            />
          ))}
        </ol>
      )}
    </section>
  )
}
