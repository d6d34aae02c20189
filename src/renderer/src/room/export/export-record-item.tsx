import type * as Y from 'yjs'
import { memberName } from '@shared/case/members'
import { HELP_DESK_NAMES, type ExportRecord } from '@shared/case/schema'
import type { ExportProgress } from '@shared/channels/export'
import { clockTime } from '../../common/format'
import { ExportRecordActions } from './export-record-actions'
import { progressKey } from './use-export-progress'
import './export-record.css'

const PARTS_TEXT: Record<ExportRecord['parts'], string> = {
  both: 'Internal note and public reply',
  note: 'Internal note',
  reply: 'Public reply',
}

interface ExportRecordItemProps {
  roomId: string
  doc: Y.Doc
  record: ExportRecord
  /** This computer's outbox: what is being sent right now. */
  progress: ReadonlyMap<string, ExportProgress>
  isOwner: boolean
}

/** The export's state in words, the same for every member. */
function stateText(record: ExportRecord, sending: boolean): string {
  if (record.state === 'sent') return 'Sent'
  if (record.state === 'failed') return record.cancelledAt ? 'Cancelled' : 'Failed'
  if (sending) return 'Sending…'
  return record.error ? 'Waiting to retry' : 'Queued'
}

/** One export: where it went, what landed, why it did not, and the owner's way out. */
export function ExportRecordItem(props: ExportRecordItemProps): React.JSX.Element {
  const { doc, record, progress } = props
  const sending = (['note', 'reply'] as const).some(
    (part) => progress.get(progressKey(record.id, part))?.state === 'sending',
  )
  const state = record.cancelledAt ? 'cancelled' : record.state
  const open = (record.state === 'failed' && !record.cancelledAt) || record.state === 'queued'
  return (
    <li className={`export-record export-record--${state}`} aria-label={PARTS_TEXT[record.parts]}>
      <div className="export-record__head">
        <strong>{PARTS_TEXT[record.parts]}</strong>
        <span className={`export-record__state export-record__state--${state}`}>
          {stateText(record, sending)}
        </span>
      </div>
      <p className="export-record__meta">
        {HELP_DESK_NAMES[record.system]} ticket {record.ticketId} · exported by{' '}
        {memberName(doc, record.by)}, {clockTime(record.at)}
        {record.sentAt && <> · on the ticket {clockTime(record.sentAt)}</>}
      </p>
      {(record.noteId || record.replyId) && (
        <p className="export-record__meta">
          {record.noteId && <>Note #{record.noteId} </>}
          {record.replyId && <>Reply #{record.replyId}</>}
        </p>
      )}
      {record.unapprovedOverride && (
        <p className="export-record__override">
          The reply was not approved: sent with the owner’s override.
        </p>
      )}
      {record.error && <p className="export-record__error">{record.error}</p>}
      {props.isOwner && open && !sending && (
        <ExportRecordActions
          roomId={props.roomId}
          exportId={record.id}
          canRetry={record.state === 'failed' || record.error !== undefined}
        />
      )}
    </li>
  )
}
