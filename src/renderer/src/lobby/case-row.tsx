import type { Ref } from 'react'
import { CASE_STATUS_NAMES, SWARM_TYPE_NAMES } from '@shared/case/schema'
import type { CaseSummary } from '@shared/ipc'
import { ticketLabel, timeAgo } from '../common/format'
import { CustomerWaitingBadge } from '../room/customer-update/customer-waiting-badge'

const PRIORITY_NAMES = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const

interface CaseRowProps {
  item: CaseSummary
  now: Date
  onOpen: (roomId: string) => void
  /** Where the row stands in the whole list (1 is the heading row), for screen readers. */
  rowIndex: number
  measure: Ref<HTMLTableRowElement>
  index: number
}

/** One case in the lobby: what is burning about it, at a glance. */
export function CaseRow({
  item,
  now,
  onOpen,
  rowIndex,
  measure,
  index,
}: CaseRowProps): React.JSX.Element {
  return (
    <tr ref={measure} data-index={index} aria-rowindex={rowIndex} className={rowClass(item)}>
      <td>
        <button className="link-button case-row__title" onClick={() => onOpen(item.roomId)}>
          {item.title}
          {item.unread && <span className="visually-hidden"> (changed since you looked)</span>}
        </button>
        {item.archived && <span className="badge">Archived</span>}
        <span className="case-row__details">
          {[item.customer, ticketLabel(item.ticket), SWARM_TYPE_NAMES[item.swarmType]]
            .filter((part) => part !== '')
            .join(' · ')}
        </span>
      </td>
      <td>
        <span className={`priority priority--${item.priority}`}>
          {PRIORITY_NAMES[item.priority]}
        </span>
      </td>
      <td>{item.ownerName || <span className="case-row__unknown">Not known yet</span>}</td>
      <td>
        <span className={`status status--${item.status}`}>{CASE_STATUS_NAMES[item.status]}</span>
      </td>
      <td>
        <CustomerWaitingBadge
          since={item.customerWaitingSince}
          sentBefore={item.updatesSent}
          status={item.status}
          now={now}
          length="short"
        />
      </td>
      <td>{item.unread && <span className="badge badge--unread">New activity</span>}</td>
      <td>
        <time dateTime={item.lastActivity} title={item.lastActivity}>
          {timeAgo(item.lastActivity, now)}
        </time>
      </td>
    </tr>
  )
}

function rowClass(item: CaseSummary): string | undefined {
  const names = [
    ...(item.archived ? ['case-row--archived'] : []),
    ...(item.unread ? ['case-list__row--unread'] : []),
  ]
  return names.length > 0 ? names.join(' ') : undefined
}
