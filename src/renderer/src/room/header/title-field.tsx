import { useState } from 'react'

interface TitleFieldProps {
  value: string
  onCommit: (title: string) => void
}

/** The case title, edited in place: Enter or leaving the field saves, Escape reverts. */
export function TitleField({ value, onCommit }: TitleFieldProps): React.JSX.Element {
  // While the field is not being edited it shows the document's title, including a peer's change.
  const [draft, setDraft] = useState<string | null>(null)

  function commit(): void {
    const title = draft?.trim() ?? ''
    setDraft(null)
    if (title.length > 0 && title !== value) onCommit(title)
  }

  return (
    <input
      className="title-field"
      aria-label="Case title"
      value={draft ?? value}
      maxLength={200}
      onFocus={() => setDraft(value)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur()
        if (event.key === 'Escape') {
          setDraft(value)
          event.currentTarget.blur()
        }
      }}
    />
  )
}
