import { useMemo, useState } from 'react'
import { membersMap, readMembers, withShownColors } from '@shared/case/members'
import {
  actionsArray,
  addAction,
  deleteAction,
  editAction,
  filterActions,
  listActions,
} from '@shared/case/timeline'
import { useAttempt } from '../../common/use-attempt'
import type { RoomPanelProps } from '../sidebar/room-panel-props'
import { TimelineEntry } from './timeline-entry'
import { NO_FILTER, TimelineFilters, toActionFilter } from './timeline-filters'
import { TimelineForm } from './timeline-form'
import { TimelineList } from './timeline-list'
import { useYMemo } from '../hooks/use-y-memo'
import { useYRead } from '../hooks/use-y-read'
import './timeline.css'

/** What the swarm has tried, found and decided, and what happened to the case; newest first. */
export function Timeline({ doc, identity }: RoomPanelProps): React.JSX.Element {
  const entries = useYMemo(actionsArray(doc), () => listActions(doc))
  const members = useYRead(membersMap(doc), () => withShownColors(readMembers(doc)))
  const attempt = useAttempt()
  const [filter, setFilter] = useState(NO_FILTER)
  const [editing, setEditing] = useState<ReadonlySet<string>>(new Set())
  const shown = useMemo(
    () => filterActions(entries, toActionFilter(filter)).reverse(),
    [entries, filter],
  )

  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Actions taken</h2>
      <TimelineForm
        submitLabel="Add to timeline"
        doc={doc}
        shortcutTarget="timeline"
        onSubmit={(input) => attempt.run(() => addAction(doc, identity.memberId, input))}
      />
      {attempt.error && (
        <p className="field-error" role="alert">
          {attempt.error}
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
        <TimelineList
          entries={shown}
          pinned={editing}
          renderEntry={(entry, item) => (
            <TimelineEntry
              key={entry.id}
              item={item}
              entry={entry}
              author={members.get(entry.author)}
              doc={doc}
              isOwn={entry.author === identity.memberId}
              editing={editing.has(entry.id)}
              onEditingChange={(open) => setEditing(toggled(editing, entry.id, open))}
              onEdit={(input) =>
                attempt.run(() => editAction(doc, entry.id, identity.memberId, input))
              }
              onDelete={() => attempt.run(() => deleteAction(doc, entry.id, identity.memberId))}
            />
          )}
        />
      )}
    </section>
  )
}

function toggled(ids: ReadonlySet<string>, id: string, present: boolean): ReadonlySet<string> {
  const next = new Set(ids)
  if (present) next.add(id)
  else next.delete(id)
  return next
}
