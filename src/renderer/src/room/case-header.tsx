import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { metaMap, readMeta, updateMeta } from '@shared/case/case-doc'
import {
  CASE_STATUSES,
  PRIORITIES,
  SWARM_TYPE_NAMES,
  type CaseStatus,
  type Priority,
} from '@shared/case/schema'
import type { UpdateSaver } from '@shared/room/update-saver'
import { swarmroom } from '../api'
import { ConfirmDialog } from '../common/confirm-dialog'
import { ticketLabel } from '../common/format'
import { SaveStatus } from './save-status'
import { TitleField } from './title-field'
import { useYRead } from './use-y-read'

interface CaseHeaderProps {
  roomId: string
  doc: Y.Doc
  saver: UpdateSaver
  onLeave: () => void
  /** Whether review mode is showing, and how to enter or leave it. */
  reviewing?: boolean
  onReview?: () => void
}

export function CaseHeader(props: CaseHeaderProps): React.JSX.Element {
  const { roomId, doc, saver, onLeave } = props
  const meta = useYRead(metaMap(doc), () => readMeta(doc))
  const [archived, setArchived] = useState<boolean>()
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const [error, setError] = useState<string>()

  useEffect(() => {
    void swarmroom.cases.list().then((result) => {
      if (result.ok) setArchived(result.value.find((item) => item.roomId === roomId)?.archived)
    })
  }, [roomId])

  async function toggleArchived(): Promise<void> {
    const result = await swarmroom.cases.setArchived({ roomId, archived: !archived })
    if (result.ok) setArchived(result.value.archived)
    else setError(result.error.message)
  }

  async function deleteCase(): Promise<void> {
    setConfirmingDelete(false)
    await saver.flush()
    const result = await swarmroom.cases.delete({ roomId })
    if (result.ok) onLeave()
    else setError(result.error.message)
  }

  const ticket = ticketLabel(meta.ticket)
  return (
    <header className="case-header">
      <div className="case-header__top">
        <button className="button button--quiet" onClick={onLeave} aria-label="Back to cases">
          ← Cases
        </button>
        <TitleField value={meta.title} onCommit={(title) => updateMeta(doc, { title })} />
        <SaveStatus saver={saver} />
      </div>
      <div className="case-header__facts">
        {meta.ticket.url ? (
          <a href={meta.ticket.url} target="_blank" rel="noreferrer">
            {ticket}
          </a>
        ) : (
          <span>{ticket}</span>
        )}
        {meta.customer && <span>{meta.customer}</span>}
        <span>{SWARM_TYPE_NAMES[meta.swarmType]}</span>
        <label className="inline-field">
          Priority
          <select
            value={meta.priority}
            onChange={(event) => updateMeta(doc, { priority: event.target.value as Priority })}
          >
            {PRIORITIES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Status
          <select
            value={meta.status}
            onChange={(event) => updateMeta(doc, { status: event.target.value as CaseStatus })}
          >
            {CASE_STATUSES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <span className="case-header__spacer" />
        {props.onReview && (
          <button className="button" aria-pressed={props.reviewing} onClick={props.onReview}>
            {props.reviewing ? 'Leave review' : 'Review'}
          </button>
        )}
        {archived !== undefined && (
          <button className="button" onClick={() => void toggleArchived()}>
            {archived ? 'Unarchive' : 'Archive'}
          </button>
        )}
        <button className="button button--danger-quiet" onClick={() => setConfirmingDelete(true)}>
          Delete
        </button>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {confirmingDelete && (
        <ConfirmDialog
          title="Delete this case?"
          message={`"${meta.title}" and everything written in it will be removed from this computer. Teammates keep their own copies.`}
          confirmLabel="Delete case"
          onConfirm={() => void deleteCase()}
          onCancel={() => setConfirmingDelete(false)}
        />
      )}
    </header>
  )
}
