import { SWARM_TYPE_NAMES } from '@shared/case/schema'
import type { CaseSummary } from '@shared/ipc'
import { ticketLabel, timeAgo } from '../common/format'

interface CaseListProps {
  cases: readonly CaseSummary[]
  onOpen: (roomId: string) => void
}

export function CaseList({ cases, onOpen }: CaseListProps): React.JSX.Element {
  if (cases.length === 0) {
    return (
      <div className="empty-state">
        <p>No cases yet.</p>
        <p>When a ticket needs more than one person, start a case and invite the swarm.</p>
      </div>
    )
  }
  return (
    <table className="case-list">
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Ticket</th>
          <th scope="col">Swarm type</th>
          <th scope="col">Status</th>
          <th scope="col">Last activity</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((item) => (
          <tr key={item.roomId} className={rowClass(item)}>
            <td>
              <button className="link-button" onClick={() => onOpen(item.roomId)}>
                {item.title}
                {item.unread && (
                  <span className="visually-hidden"> (changed since you looked)</span>
                )}
              </button>
              {item.unread && (
                <span className="badge badge--unread" aria-hidden="true">
                  New activity
                </span>
              )}
              {item.customer && <span className="case-list__customer">{item.customer}</span>}
              {item.archived && <span className="badge">Archived</span>}
            </td>
            <td>{ticketLabel(item.ticket)}</td>
            <td>{SWARM_TYPE_NAMES[item.swarmType]}</td>
            <td>
              <span className={`status status--${item.status}`}>{item.status}</span>
            </td>
            <td>
              <time dateTime={item.lastActivity}>{timeAgo(item.lastActivity)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function rowClass(item: CaseSummary): string | undefined {
  const names = [
    ...(item.archived ? ['case-list__row--archived'] : []),
    ...(item.unread ? ['case-list__row--unread'] : []),
  ]
  return names.length > 0 ? names.join(' ') : undefined
}
