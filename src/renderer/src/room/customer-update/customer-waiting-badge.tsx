import type { CaseStatus } from '@shared/case/schema'
import { waitedSince, waitingLevel } from '@shared/case/waiting-time'
import { clockTime } from '../../common/format'
import './customer-update.css'

interface CustomerWaitingBadgeProps {
  /** The last update sent, or the case's opening (ISO). */
  since: string
  sentBefore: boolean
  status: CaseStatus
  now: Date
  /** `short` for a table cell under a "Customer waiting" heading: the duration only. */
  length?: 'full' | 'short'
}

/**
 * How long the customer has heard nothing, amber once an update is due and red once it is late
 * (the team's cadence, `UPDATE_DUE_AFTER` and `UPDATE_LATE_AFTER`). The room's header and the
 * lobby show the same badge.
 */
export function CustomerWaitingBadge({
  since,
  sentBefore,
  status,
  now,
  length = 'full',
}: CustomerWaitingBadgeProps): React.JSX.Element | null {
  const closed = status === 'resolved' || status === 'reviewed'
  const level = waitingLevel(since, now, closed)
  const waited = waitedSince(since, now)
  if (!level || !waited) return null
  const title = `${sentBefore ? 'Last update sent' : 'Case opened'} ${clockTime(since)}`
  const text = closed
    ? sentBefore
      ? `Last customer update ${waited} ago`
      : 'No update was sent to the customer'
    : length === 'short'
      ? waited
      : null
  const sinceWhat = sentBefore ? 'the last update' : 'the case opened'
  return (
    <span className={`customer-waiting customer-waiting--${level}`} title={title}>
      {text === null ? (
        // On a small screen the header keeps the words that matter: "waiting 12 min".
        <>
          <span className="customer-waiting__who">Customer </span>waiting {waited}
          <span className="customer-waiting__since"> since {sinceWhat}</span>
        </>
      ) : length === 'short' && closed ? (
        'Closed'
      ) : (
        text
      )}
      {length === 'short' && level === 'late' && <span className="visually-hidden">, overdue</span>}
    </span>
  )
}
