import { useState } from 'react'
import type * as Y from 'yjs'
import type { TicketContext } from '@shared/channels/tickets'
import { addAction } from '@shared/case/timeline'
import { quoteForTimeline, quoteIntoHistory, type QuotedMessage } from '@shared/case/ticket-quote'
import { clockTime } from '../../common/format'
import { useAttempt } from '../../common/use-attempt'
import { ExternalLink } from '../../common/external-link'

type Message = TicketContext['messages'][number]

interface TicketMessageProps {
  doc: Y.Doc
  memberId: string
  message: Message
  ticketLabel: string
  ticketUrl: string
}

/** One message of the conversation, with the two ways to carry it into the case. */
export function TicketMessage({
  doc,
  memberId,
  message,
  ticketLabel,
  ticketUrl,
}: TicketMessageProps): React.JSX.Element {
  const attempt = useAttempt()
  const [done, setDone] = useState('')
  const kind = message.public ? 'Public message' : 'Internal note'
  const quote: QuotedMessage = { ...message, ticketLabel, ticketUrl }

  function quoteInHistory(): void {
    if (attempt.run(() => quoteIntoHistory(doc, quote))) setDone('Quoted in Relevant history.')
  }

  function addToTimeline(): void {
    const text = quoteForTimeline(quote)
    const added = attempt.run(() =>
      addAction(doc, memberId, { kind: 'customer-contact', text, outcome: '' }),
    )
    if (added) setDone('Added to the timeline.')
  }

  return (
    <li
      className={`ticket-message${message.public ? '' : ' ticket-message--internal'}`}
      aria-label={`${kind} by ${message.author}`}
    >
      <p className="ticket-message__meta">
        <span className="ticket-message__kind">{kind}</span>{' '}
        <span className="ticket-message__author">{message.author || 'Unknown author'}</span> ·{' '}
        <time dateTime={message.at}>{clockTime(message.at)}</time>
      </p>
      <p className="ticket-message__text">{message.text || '(no text)'}</p>
      {message.attachments.length > 0 && (
        <ul className="ticket-message__attachments" aria-label="Attachments">
          {message.attachments.map((attachment) => (
            <li key={attachment.url}>
              <ExternalLink url={attachment.url}>{attachment.name}</ExternalLink>
            </li>
          ))}
        </ul>
      )}
      <div className="ticket-message__actions">
        <button type="button" className="button ticket-message__action" onClick={quoteInHistory}>
          Quote in Relevant history
        </button>
        <button type="button" className="button ticket-message__action" onClick={addToTimeline}>
          Add to timeline
        </button>
        <span className="ticket-message__done" role="status">
          {done}
        </span>
      </div>
      {attempt.error && (
        <p className="ticket-message__error" role="alert">
          {attempt.error}
        </p>
      )}
    </li>
  )
}
