import { useState } from 'react'
import { exportsArray, listExports } from '@shared/case/exports'
import { membersMap, memberName } from '@shared/case/members'
import { HELP_DESK_NAMES, type ExportRecord } from '@shared/case/schema'
import { listUpdates, updatesArray } from '@shared/case/updates'
import { swarmroom } from '../../api'
import { clockTime } from '../../common/format'
import type { RoomPanelProps } from '../sidebar/room-panel-props'
import { useYRead } from '../hooks/use-y-read'
import { progressKey, useExportProgress } from './use-export-progress'
import './export.css'

const PARTS_TEXT: Record<ExportRecord['parts'], string> = {
  both: 'Internal note and public reply',
  note: 'Internal note',
  reply: 'Public reply',
}
const STATE_TEXT: Record<ExportRecord['state'], string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
}

/**
 * What reached the ticket and when, from the case itself, so every member sees the same list;
 * a failed export made on this computer can be retried here.
 */
export function ExportsPanel({ roomId, doc }: RoomPanelProps): React.JSX.Element {
  const records = useYRead(exportsArray(doc), () => listExports(doc))
  const updates = useYRead(updatesArray(doc), () => listUpdates(doc))
  useYRead(membersMap(doc), () => null)
  const progress = useExportProgress(roomId)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [retrying, setRetrying] = useState<string>()

  async function retry(id: string): Promise<void> {
    setRetrying(id)
    const result = await swarmroom.export.retry({ roomId, exportId: id })
    setRetrying(undefined)
    setErrors((current) => ({ ...current, [id]: result.ok ? '' : result.error.message }))
  }

  return (
    <section className="exports-panel" aria-labelledby="exports-heading">
      <h2 id="exports-heading">Exports</h2>
      {records.length === 0 ? (
        <p className="exports-panel__empty">
          Nothing exported yet. “Export to ticket” in the header posts the note and the reply.
        </p>
      ) : (
        <ol className="exports-panel__list" reversed>
          {[...records].reverse().map((record) => {
            const sending = (['note', 'reply'] as const).some(
              (part) => progress.get(progressKey(record.id, part))?.state === 'sending',
            )
            return (
              <li key={record.id} className={`export-record export-record--${record.state}`}>
                <div className="export-record__head">
                  <strong>{PARTS_TEXT[record.parts]}</strong>
                  <span className={`export-record__state export-record__state--${record.state}`}>
                    {sending && record.state === 'queued' ? 'Sending…' : STATE_TEXT[record.state]}
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
                {errors[record.id] && (
                  <p className="field-error" role="alert">
                    {errors[record.id]}
                  </p>
                )}
                {record.state === 'failed' && (
                  <button
                    className="button"
                    disabled={retrying === record.id}
                    onClick={() => void retry(record.id)}
                  >
                    {retrying === record.id ? 'Retrying…' : 'Retry'}
                  </button>
                )}
              </li>
            )
          })}
        </ol>
      )}
      <h3 className="exports-panel__subheading">Customer updates sent</h3>
      {updates.length === 0 ? (
        <p className="exports-panel__empty">No update has reached the customer yet.</p>
      ) : (
        <ol className="exports-panel__list" reversed>
          {[...updates].reverse().map((update) => (
            <li key={update.id} className="export-record">
              <p className="export-record__meta">
                {clockTime(update.sentAt)} · {memberName(doc, update.by)} ·{' '}
                {update.via === 'manual'
                  ? 'sent by hand'
                  : `through ${HELP_DESK_NAMES[update.via]}`}
              </p>
              <p className="export-record__text">{update.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
