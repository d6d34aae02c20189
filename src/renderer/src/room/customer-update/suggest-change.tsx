import { useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { suggestChange } from '@shared/case/suggestions'
import { useAttempt } from '../../common/use-attempt'

interface SuggestChangeProps {
  doc: Y.Doc
  me: string
  /** The text selected in the customer update right now. */
  selected: string
}

/**
 * While the owner reviews the update, a teammate proposes "replace this with that" instead of
 * editing. The text to replace comes from the selection and can be typed in too, so this also
 * works from the keyboard.
 */
export function SuggestChange({ doc, me, selected }: SuggestChangeProps): React.JSX.Element {
  const attempt = useAttempt()
  const [draft, setDraft] = useState<{ find: string; replace: string } | null>(null)
  const [sent, setSent] = useState(false)

  function open(): void {
    setSent(false)
    attempt.clear()
    setDraft({ find: selected, replace: selected })
  }

  function submit(event: FormEvent): void {
    event.preventDefault()
    if (!draft) return
    if (attempt.run(() => suggestChange(doc, me, draft))) {
      setDraft(null)
      setSent(true)
    }
  }

  if (!draft) {
    return (
      <div className="suggest-change">
        <p className="suggest-change__hint">
          Under review: the owner decides on changes. Select the words you would change, then
        </p>
        <button
          className="button"
          // Keeps the selection in the text while the button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onClick={open}
        >
          Suggest a change
        </button>
        {sent && <span className="suggest-change__sent">Sent to the owner.</span>}
      </div>
    )
  }
  return (
    <form className="suggest-change suggest-change--open" onSubmit={submit}>
      <label className="field">
        <span>Text to replace</span>
        <input
          value={draft.find}
          onChange={(event) => setDraft({ ...draft, find: event.target.value })}
          placeholder="Select it in the update, or type it exactly"
        />
      </label>
      <label className="field">
        <span>Replace with</span>
        <textarea
          rows={2}
          autoFocus
          value={draft.replace}
          onChange={(event) => setDraft({ ...draft, replace: event.target.value })}
        />
      </label>
      {attempt.error && (
        <p className="field-error" role="alert">
          {attempt.error}
        </p>
      )}
      <div className="suggest-change__actions">
        <button type="button" className="button" onClick={() => setDraft(null)}>
          Cancel
        </button>
        <button type="submit" className="button button--primary">
          Send suggestion
        </button>
      </div>
    </form>
  )
}
