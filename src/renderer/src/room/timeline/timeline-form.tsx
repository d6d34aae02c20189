import { useId, useState, type FormEvent } from 'react'
import { ACTION_KIND_NAMES, PERSON_ACTION_KINDS, type PersonActionKind } from '@shared/case/schema'
import type * as Y from 'yjs'
import type { ActionInput } from '@shared/case/timeline'
import { isMac } from '../keyboard/shortcuts'
import { MentionField } from '../mentions/mention-field'

interface TimelineFormProps {
  initial?: ActionInput
  submitLabel: string
  onSubmit: (input: ActionInput) => void
  onCancel?: () => void
  /** The case, whose members @ offers. */
  doc: Y.Doc
  /** Marks the new-entry form's field, which Alt+T puts the keyboard in. */
  shortcutTarget?: string
}

const EMPTY: ActionInput = { kind: 'tried', text: '', outcome: '' }

/** Adds or edits a timeline entry; Ctrl+Enter (Cmd+Enter) submits from any field. */
export function TimelineForm(props: TimelineFormProps): React.JSX.Element {
  const [entry, setEntry] = useState<ActionInput>(props.initial ?? EMPTY)
  const [error, setError] = useState<string>()
  const hintId = useId()

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
        // Escape that closed the mention picker leaves the form open.
        if (event.key === 'Escape' && !event.defaultPrevented) props.onCancel?.()
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
      <div className="field">
        <span aria-hidden="true">What happened</span>
        <MentionField
          label="What happened"
          value={{ text: entry.text, mentions: entry.mentions ?? [] }}
          onChange={({ text, mentions }) => {
            setEntry({ ...entry, text, mentions })
            // "Say what was done" no longer holds once something is typed.
            if (text.trim()) setError(undefined)
          }}
          doc={props.doc}
          placeholder="e.g. Re-ran the failed invoice sync for the account"
          describedBy={hintId}
          {...(props.shortcutTarget ? { shortcutTarget: props.shortcutTarget } : {})}
        />
        <p className="timeline-form__hint" id={hintId}>
          <kbd>{isMac() ? 'Cmd+Enter' : 'Ctrl+Enter'}</kbd> {props.submitLabel.toLowerCase()} ·{' '}
          <kbd>@</kbd> mention a teammate
        </p>
      </div>
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
