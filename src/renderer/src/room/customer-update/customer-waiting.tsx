import type * as Y from 'yjs'
import { metaMap, readMeta } from '@shared/case/case-doc'
import { customerWaitingSince, listUpdates, updatesArray } from '@shared/case/updates'
import { waitedSince } from '@shared/case/waiting-time'
import { clockTime } from '../../common/format'
import { useNow } from '../hooks/use-now'
import { useYRead } from '../hooks/use-y-read'
import './customer-update.css'

const HOUR = 3_600_000

/**
 * How long the customer has heard nothing: since the last update sent, or since the case
 * opened. Refreshed every 15 seconds; amber after an hour and red after four, the points where
 * support teams usually owe a customer in an incident an interim update.
 */
export function CustomerWaiting({ doc }: { doc: Y.Doc }): React.JSX.Element | null {
  const now = useNow(15_000)
  const since = useYRead(updatesArray(doc), () => customerWaitingSince(doc))
  const sentBefore = useYRead(updatesArray(doc), () => listUpdates(doc).length > 0)
  const status = useYRead(metaMap(doc), () => readMeta(doc).status)
  if (!since) return null
  const waited = waitedSince(since, now)
  if (!waited) return null
  const closed = status === 'resolved' || status === 'reviewed'
  const elapsed = now.getTime() - new Date(since).getTime()
  const level = closed ? 'closed' : elapsed >= 4 * HOUR ? 'late' : elapsed >= HOUR ? 'due' : 'fresh'
  const title = `${sentBefore ? 'Last update sent' : 'Case opened'} ${clockTime(since)}`
  return (
    <span className={`customer-waiting customer-waiting--${level}`} title={title}>
      {closed
        ? sentBefore
          ? `Last customer update ${waited} ago`
          : 'No update was sent to the customer'
        : `Customer waiting ${waited} since ${sentBefore ? 'the last update' : 'the case opened'}`}
    </span>
  )
}
