import { useState } from 'react'

interface CommentFormProps {
  quote: string
  onSubmit: (text: string) => void
  onCancel: () => void
}

/** Writing a review comment on the selected words; Ctrl+Enter adds it, Escape cancels. */
export function CommentForm({ quote, onSubmit, onCancel }: CommentFormProps): React.JSX.Element {
  const [text, setText] = useState('')
  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit(text)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel()
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSubmit(text)
      }}
    >
      <p className="comment-form__quote">
        On <q>{quote.length > 160 ? `${quote.slice(0, 160)}…` : quote}</q>
      </p>
      <label className="field">
        <span>Comment</span>
        <textarea
          value={text}
          autoFocus
          rows={3}
          maxLength={5000}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <div className="comment-form__actions">
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary">
          Add comment
        </button>
      </div>
    </form>
  )
}
