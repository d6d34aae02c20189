import type { TicketContext } from '@shared/channels/tickets'
import { clockTime } from '../../common/format'
import { ExternalLink } from '../../common/external-link'

/** The requester's other recent tickets: prior contacts, without leaving the case. */
export function OtherTickets({
  tickets,
}: {
  tickets: TicketContext['otherTickets']
}): React.JSX.Element {
  return (
    <section className="ticket-panel__part" aria-labelledby="ticket-other-heading">
      <h3 id="ticket-other-heading">The requester’s other recent tickets</h3>
      {tickets.length === 0 ? (
        <p className="ticket-panel__empty">No other tickets from this requester.</p>
      ) : (
        <ul className="other-tickets" aria-labelledby="ticket-other-heading">
          {tickets.map((ticket) => (
            <li key={ticket.id} className="other-tickets__item">
              <ExternalLink url={ticket.url}>
                #{ticket.id} {ticket.subject || '(no subject)'}
              </ExternalLink>
              <span className="other-tickets__meta">
                <span className="other-tickets__status">{ticket.status}</span> ·{' '}
                <time dateTime={ticket.at}>{clockTime(ticket.at)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
