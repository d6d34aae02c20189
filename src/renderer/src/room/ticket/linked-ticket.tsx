import type { TicketReference } from '@shared/case/schema'
import { clockTime, ticketLabel } from '../../common/format'
import type { RoomPanelProps } from '../sidebar/room-panel-props'
import { OtherTickets } from './other-tickets'
import { TicketMessage } from './ticket-message'
import { useTicketContext } from './use-ticket-context'

/**
 * The panel for a linked ticket: read when it opens and on "Refresh"; the saved copy says so,
 * with its time and why the help desk could not be asked.
 */
export function LinkedTicket({
  roomId,
  doc,
  identity,
  ticket,
}: RoomPanelProps & { ticket: TicketReference }): React.JSX.Element {
  const { context, loading, unavailable, error, refresh } = useTicketContext(roomId)
  const label = ticketLabel(ticket)
  return (
    <section className="ticket-panel" aria-labelledby="ticket-heading" aria-busy={loading}>
      <div className="ticket-panel__head">
        <h2 id="ticket-heading">{label}</h2>
        <button type="button" className="button" onClick={refresh} disabled={loading}>
          Refresh
        </button>
      </div>
      <p className="ticket-panel__status" role="status">
        {loading
          ? 'Reading the conversation from the help desk…'
          : context
            ? context.fresh
              ? `As of ${clockTime(context.asOf)}`
              : `Saved copy as of ${clockTime(context.asOf)}`
            : ''}
      </p>
      {context && !context.fresh && context.problem && (
        <p className="ticket-panel__notice">{context.problem}</p>
      )}
      {unavailable && <p className="ticket-panel__empty">{unavailable}</p>}
      {error && (
        <p className="ticket-panel__error" role="alert">
          {error}
        </p>
      )}
      {context && (
        <>
          <section className="ticket-panel__part" aria-labelledby="ticket-conversation-heading">
            <h3 id="ticket-conversation-heading">Conversation</h3>
            {context.messages.length === 0 ? (
              <p className="ticket-panel__empty">No messages on this ticket yet.</p>
            ) : (
              <ol className="ticket-panel__messages" aria-labelledby="ticket-conversation-heading">
                {context.messages.map((message) => (
                  <TicketMessage
                    key={message.id}
                    doc={doc}
                    memberId={identity.memberId}
                    message={message}
                    ticketLabel={label}
                    ticketUrl={ticket.url}
                  />
                ))}
              </ol>
            )}
          </section>
          <OtherTickets tickets={context.otherTickets} />
        </>
      )}
    </section>
  )
}
