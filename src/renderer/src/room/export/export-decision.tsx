import type { SendResult } from '@shared/channels/export'

type Question = Extract<SendResult, { state: 'needs-override' | 'confirm-ticket' }>

interface ExportDecisionProps {
  question: Question
  /** Whether the note is part of this export (then it can go without the reply). */
  withNote: boolean
  busy: boolean
  onGoAhead: () => void
  onNoteOnly: () => void
  onBack: () => void
}

/**
 * The owner's call before a reply reaches the customer: post a reply that is not approved,
 * post although the ticket changed since the case last read it, or export to a ticket a
 * teammate linked. The safe answer has focus.
 */
export function ExportDecision(props: ExportDecisionProps): React.JSX.Element {
  const { question } = props
  const override = question.state === 'needs-override'
  const title = override
    ? 'Post a reply that is not approved?'
    : question.reason === 'relinked'
      ? 'Is this the right ticket?'
      : question.reason === 'changed'
        ? 'The ticket changed since you last looked'
        : 'The ticket could not be checked'
  const goAhead = override
    ? 'Post the unapproved reply'
    : question.reason === 'relinked'
      ? 'Yes, export to this ticket'
      : question.reason === 'changed'
        ? 'Post the reply anyway'
        : 'Queue the export anyway'
  return (
    <section className="export-decision" role="alertdialog" aria-labelledby="export-decision-title">
      <h3 id="export-decision-title">{title}</h3>
      <p>{question.message}</p>
      {question.state === 'confirm-ticket' && question.changes.length > 0 && (
        <ul className="export-decision__changes" aria-label="What changed on the ticket">
          {question.changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      )}
      {override && (
        <p className="export-decision__note">
          The case logs that you sent it without approval, for everyone to see.
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={props.onBack}>
          Back to the preview
        </button>
        {props.withNote &&
          !(question.state === 'confirm-ticket' && question.reason === 'relinked') && (
            <button
              type="button"
              className="button"
              onClick={props.onNoteOnly}
              disabled={props.busy}
            >
              Post the note only
            </button>
          )}
        <button
          type="button"
          className="button button--danger"
          onClick={props.onGoAhead}
          disabled={props.busy}
        >
          {goAhead}
        </button>
      </div>
    </section>
  )
}
