import { useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { metaMap, readMeta } from '@shared/case/case-doc'
import { readTicketSeen } from '@shared/case/ticket-seen'
import type { ConnectionChoice } from '@shared/channels/export'
import type { UpdateSaver } from '@shared/room/update-saver'
import { swarmroom } from '../../api'
import { ticketLabel } from '../../common/format'
import { useYRead } from '../hooks/use-y-read'
import './ticket-link.css'

interface TicketLinkProps {
  roomId: string
  doc: Y.Doc
  saver: UpdateSaver
}

type Message = { level: 'info' | 'warning' | 'error'; text: string }

/**
 * The case's ticket in the header: its subject, requester and status as last read from the
 * help desk, and a field to link the case to a ticket by pasting its address.
 */
export function TicketLink({ roomId, doc, saver }: TicketLinkProps): React.JSX.Element {
  const { ticket, seen } = useYRead(metaMap(doc), () => ({
    ticket: readMeta(doc).ticket,
    seen: readTicketSeen(doc),
  }))
  const [editing, setEditing] = useState(false)
  const [url, setUrl] = useState('')
  const [choices, setChoices] = useState<ConnectionChoice[]>([])
  const [connectionId, setConnectionId] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<Message>()

  async function link(event?: FormEvent): Promise<void> {
    event?.preventDefault()
    setBusy(true)
    setMessage(undefined)
    // Main writes into the case's log: everything typed so far must be there first.
    await saver.flush()
    const chosen = connectionId === '' ? {} : { connectionId }
    const result = editing
      ? await swarmroom.export.linkTicket({ roomId, url, ...chosen })
      : await swarmroom.export.readTicket({ roomId, ...chosen })
    setBusy(false)
    if (!result.ok) return setMessage({ level: 'error', text: result.error.message })
    if (result.value.state === 'choose-connection') {
      setChoices(result.value.choices)
      setConnectionId(result.value.choices[0]?.id ?? '')
      return setMessage({ level: 'info', text: result.value.message })
    }
    setEditing(false)
    setChoices([])
    setUrl('')
    // A ticket that was read shows itself; only a link without a reading needs words.
    if (!result.value.seen) setMessage({ level: 'warning', text: result.value.message })
  }

  // What was said about the last attempt no longer holds once the user changes course.
  function startEditing(): void {
    setMessage(undefined)
    setEditing(true)
  }
  function stopEditing(): void {
    setMessage(undefined)
    setChoices([])
    setEditing(false)
  }

  const label = ticketLabel(ticket)
  // Items of the header's facts row, so they wrap with the others.
  return (
    <>
      {ticket.url ? (
        <a href={ticket.url} target="_blank" rel="noreferrer">
          {label}
        </a>
      ) : (
        <span>{label}</span>
      )}
      {seen && (
        <span className="ticket-link__seen" aria-label="Ticket as read from the help desk">
          <span className="ticket-link__subject">{seen.subject || 'No subject'}</span>
          {seen.requester && <span>{seen.requester}</span>}
          {seen.status && <span className="ticket-link__status">{seen.status}</span>}
        </span>
      )}
      {!editing && ticket.id && (
        <button
          className="button button--quiet"
          onClick={() => void link()}
          disabled={busy}
          title="Read the ticket again from the help desk"
        >
          {busy ? 'Reading…' : seen ? 'Refresh' : 'Read ticket'}
        </button>
      )}
      {!editing && (
        <button className="button button--quiet" onClick={startEditing}>
          {ticket.id ? 'Change ticket' : 'Link ticket'}
        </button>
      )}
      {editing && (
        <form className="ticket-link__form" onSubmit={(event) => void link(event)}>
          <input
            autoFocus
            aria-label="Ticket address"
            placeholder="Paste the ticket’s address from your help desk"
            value={url}
            onChange={(event) => {
              setUrl(event.target.value)
              if (message?.level === 'error') setMessage(undefined)
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') stopEditing()
            }}
          />
          {choices.length > 1 && (
            <select
              aria-label="Connection"
              value={connectionId}
              onChange={(event) => setConnectionId(event.target.value)}
            >
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
          <button className="button button--primary" type="submit" disabled={busy || !url.trim()}>
            {busy ? 'Linking…' : 'Link'}
          </button>
          <button className="button" type="button" onClick={stopEditing}>
            Cancel
          </button>
        </form>
      )}
      {message && (
        <p
          className={`ticket-link__message ticket-link__message--${message.level}`}
          role={message.level === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </>
  )
}
