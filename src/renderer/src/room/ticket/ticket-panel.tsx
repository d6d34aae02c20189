import { metaMap, readMeta } from '@shared/case/case-doc'
import { useYRead } from '../hooks/use-y-read'
import type { RoomPanelProps } from '../sidebar/room-panel-props'
import { LinkedTicket } from './linked-ticket'
import './ticket-panel.css'

/**
 * The linked ticket as the help desk has it: its conversation, public messages and internal
 * notes told apart, and the requester's other recent tickets; read through main's connection
 * when the tab opens and on "Refresh", the saved copy (said so) when the help desk cannot answer.
 */
export function TicketPanel({ roomId, doc, identity }: RoomPanelProps): React.JSX.Element {
  const ticket = useYRead(metaMap(doc), () => readMeta(doc).ticket)
  if (ticket.id === '') {
    return (
      <section className="ticket-panel" aria-labelledby="ticket-heading">
        <h2 id="ticket-heading">Ticket</h2>
        <p className="ticket-panel__empty">
          This case is not linked to a ticket yet. Link one with “Link ticket” in the header, and
          its conversation and the customer’s other tickets show here.
        </p>
      </section>
    )
  }

  return (
    <LinkedTicket
      key={`${ticket.system}:${ticket.id}`}
      roomId={roomId}
      doc={doc}
      identity={identity}
      ticket={ticket}
    />
  )
}
