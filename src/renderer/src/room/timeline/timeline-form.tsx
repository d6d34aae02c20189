import { useState, type FormEvent } from 'react'
import { ACTION_KIND_NAMES, PERSON_ACTION_KINDS, type PersonActionKind } from '@shared/case/schema'
import type { ActionInput } from '@shared/case/timeline'

interface TimelineFormProps {
  initial?: ActionInput
  submitLabel: string
  onSubmit: (input: ActionInput) => void
  onCancel?: () => void
}

const EMPTY: ActionInput = { kind: 'tried', text: '', outcome: '' }

/** Adds or edits a timeline entry; Ctrl+Enter submits from any field. */
export function TimelineForm(props: TimelineFormProps): React.JSX.Element {
  const [entry, setEntry] = useState<ActionInput>(props.initial ?? EMPTY)
  const [error, setError] = useState<string>()

  function submit(event?: FormEvent): void {
    event?.preventDefault()
    if (entry.text.trim().length === 0) {
      setError('Say what was done before adding it.')
      return
    }
    setError(undefined)
    props.onSubmit(entry)
    if (!props.initial) setEntry({ ...EMPTY, kind: entry.kind })
  }

  return (
    <form
      className="timeline-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit()
        if (event.key === 'Escape') props.onCancel?.()
      }}
    >
      <div className="field-row">
        <label className="field">
          <span>Kind</span>
          <select
            value={entry.kind}
            onChange={(event) =>
              setEntry({ ...entry, kind: event.target.value as PersonActionKind })
            }
          >
            {PERSON_ACTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ACTION_KIND_NAMES[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--grow">
          <span>Outcome</span>
          <input
            value={entry.outcome}
            onChange={(event) => setEntry({ ...entry, outcome: event.target.value })}
            placeholder="e.g. Did not help"
          />
        </label>
      </div>
      <label className="field">
        <span>What happened</span>
        <textarea
          rows={2}
          value={entry.text}
          onChange={(event) => {
            setEntry({ ...entry, text: event.target.value })
            // "Say what was done" no longer holds once something is typed.
            if (event.target.value.trim()) setError(undefined)
          }}
          placeholder="e.g. Re-ran the failed invoice sync for the account"
        />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="timeline-form__actions">
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--primary">
          {props.submitLabel}
        </button>
      </div>
    </form>
  )
}
