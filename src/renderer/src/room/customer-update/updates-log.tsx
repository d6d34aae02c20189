import { listUpdates, updatesArray } from '@shared/case/updates'
import { memberName } from '@shared/case/members'
import { HELP_DESK_NAMES } from '@shared/case/schema'
import { clockTime } from '../../common/format'
import type { RoomPanelProps } from '../sidebar/room-panel-props'
import { useYRead } from '../hooks/use-y-read'
import { CustomerWaiting } from './customer-waiting'
import './customer-update.css'

/** Every customer update as it went out, newest first, with when and by whom. */
export function UpdatesLog({ doc, identity }: RoomPanelProps): React.JSX.Element {
  const updates = useYRead(updatesArray(doc), () => listUpdates(doc))
  return (
    <section className="updates-log" aria-labelledby="updates-heading">
      <h2 id="updates-heading">Updates sent</h2>
      <p className="updates-log__waiting">
        <CustomerWaiting doc={doc} />
      </p>
      {updates.length === 0 ? (
        <p className="updates-log__empty">
          No update has gone to the customer yet. The owner marks an approved update as sent.
        </p>
      ) : (
        <ol className="updates-log__list" reversed>
          {[...updates].reverse().map((update) => (
            <li key={update.id} className="sent-update">
              <p className="sent-update__meta">
                <time dateTime={update.sentAt}>{clockTime(update.sentAt)}</time>
                <span>
                  {update.by === identity.memberId ? 'you' : memberName(doc, update.by)}
                  {update.via === 'manual'
                    ? ', marked as sent'
                    : `, through ${HELP_DESK_NAMES[update.via]}`}
                </span>
              </p>
              <p className="sent-update__text">{update.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
