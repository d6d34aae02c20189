import { useState } from 'react'
import {
  ACTION_KIND_NAMES,
  isPersonActionKind,
  type ActionEntry,
  type CaseMember,
} from '@shared/case/schema'
import type * as Y from 'yjs'
import type { ActionInput } from '@shared/case/timeline'
import { EntryTextView } from '../mentions/entry-text-view'
import { ConfirmDialog } from '../../common/confirm-dialog'
import { clockTime } from '../../common/format'
import { TimelineEvent } from './timeline-event'
import { TimelineForm } from './timeline-form'
import type { TimelineItemProps } from './timeline-list'

interface TimelineEntryProps {
  entry: ActionEntry
  /** Where the list placed it. */
  item: TimelineItemProps
  author: CaseMember | undefined
  /** The case, whose members @ offers while editing. */
  doc: Y.Doc
  isOwn: boolean
  /** Whether its edit form is open: kept by the timeline, so scrolling away loses no draft. */
  editing: boolean
  onEditingChange: (editing: boolean) => void
  onEdit: (input: ActionInput) => void
  onDelete: () => void
}

export function TimelineEntry(props: TimelineEntryProps): React.JSX.Element {
  const { entry, author, isOwn, item, editing, onEditingChange: setEditing } = props
  const [confirming, setConfirming] = useState(false)

  // Events the app logged (hand-overs, approvals) are never edited or deleted.
  if (!isPersonActionKind(entry.kind)) return <TimelineEvent entry={entry} item={item} />
  if (editing) {
    return (
      <li {...item} className="timeline-entry timeline-entry--editing">
        <TimelineForm
          initial={{
            kind: entry.kind,
            text: entry.text,
            outcome: entry.outcome,
            ...(entry.mentions ? { mentions: entry.mentions } : {}),
          }}
          doc={props.doc}
          submitLabel="Save entry"
          onSubmit={(input) => {
            props.onEdit(input)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    )
  }
  return (
    <li {...item} className="timeline-entry" data-action-id={entry.id} tabIndex={-1}>
      <div className="timeline-entry__meta">
        <span className={`kind kind--${entry.kind}`}>{ACTION_KIND_NAMES[entry.kind]}</span>
        <span className="timeline-entry__author">
          <span className="member-chip__dot" style={{ background: author?.color ?? '#9ca3af' }} />
          {author?.name ?? 'Unknown member'}
        </span>
        <time dateTime={entry.time}>{clockTime(entry.time)}</time>
        {entry.editedAt && (
          <span className="timeline-entry__edited" title={`Edited ${clockTime(entry.editedAt)}`}>
            edited
          </span>
        )}
      </div>
      <p className="timeline-entry__text">
        <EntryTextView text={entry.text} mentions={entry.mentions ?? []} />
      </p>
      {entry.outcome && <p className="timeline-entry__outcome">Outcome: {entry.outcome}</p>}
      {isOwn && (
        <div className="timeline-entry__actions">
          <button className="button button--quiet" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button className="button button--quiet" onClick={() => setConfirming(true)}>
            Delete
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete this timeline entry?"
          message={`"${entry.text.slice(0, 120)}" will be removed for everyone in the case.`}
          confirmLabel="Delete entry"
          onConfirm={() => {
            setConfirming(false)
            props.onDelete()
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  )
}
