import { exportsArray, listExports } from '@shared/case/exports'
import { membersMap, memberName } from '@shared/case/members'
import { HELP_DESK_NAMES } from '@shared/case/schema'
import { listUpdates, updatesArray } from '@shared/case/updates'
import { clockTime } from '../../common/format'
import type { RoomPanelProps } from '../sidebar/room-panel-props'
import { useYRead } from '../hooks/use-y-read'
import { useOwnerId } from '../members/use-ownership'
import { ExportRecordItem } from './export-record-item'
import { useExportProgress } from './use-export-progress'
import './export.css'

/**
 * What reached the ticket and when, from the case itself, so every member sees the same list,
 * failures and their reasons included; the owner retries or cancels them here.
 */
export function ExportsPanel({ roomId, doc, identity }: RoomPanelProps): React.JSX.Element {
  const records = useYRead(exportsArray(doc), () => listExports(doc))
  const updates = useYRead(updatesArray(doc), () => listUpdates(doc))
  useYRead(membersMap(doc), () => null)
  const progress = useExportProgress(roomId)
  const ownerId = useOwnerId(doc)

  return (
    <section className="exports-panel" aria-labelledby="exports-heading">
      <h2 id="exports-heading">Exports</h2>
      {records.length === 0 ? (
        <p className="exports-panel__empty">
          Nothing exported yet. “Export to ticket” in the header posts the note and the reply.
        </p>
      ) : (
        <ol className="exports-panel__list" reversed>
          {[...records].reverse().map((record) => (
            <ExportRecordItem
              key={record.id}
              roomId={roomId}
              doc={doc}
              record={record}
              progress={progress}
              isOwner={ownerId === identity.memberId}
            />
          ))}
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
