import type { LookupState } from './use-ticket-lookup'

interface TicketLookupNoteProps {
  id: string
  lookup: LookupState
  onChoose: (connectionId: string) => void
}

/** What reading the pasted ticket gave, under its field; a live region, as it comes later. */
export function TicketLookupNote({
  id,
  lookup,
  onChoose,
}: TicketLookupNoteProps): React.JSX.Element {
  return (
    <div id={id} className="ticket-lookup" role="status">
      {lookup.state === 'reading' && <p>Reading the ticket from the help desk…</p>}
      {lookup.state === 'read' && (
        <p className={lookup.found.subject ? 'ticket-lookup--found' : undefined}>
          {lookup.found.message}
        </p>
      )}
      {lookup.state === 'failed' && <p className="ticket-lookup--failed">{lookup.message}</p>}
      {lookup.state === 'choose' && (
        <label className="ticket-lookup__choose">
          <span>{lookup.message}</span>
          <select defaultValue="" onChange={(event) => onChoose(event.target.value)}>
            <option value="" disabled>
              Choose a connection…
            </option>
            {lookup.choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  )
}
