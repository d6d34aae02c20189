import type * as Y from 'yjs'
import { memberName } from '@shared/case/members'
import {
  acceptSuggestion,
  listSuggestions,
  rejectSuggestion,
  suggestionContext,
  suggestionsArray,
} from '@shared/case/suggestions'
import { clockTime } from '../../common/format'
import { useAttempt } from '../../common/use-attempt'
import { useDocRead } from '../hooks/use-doc-read'
import { useYRead } from '../hooks/use-y-read'
import './suggestion-list.css'

interface SuggestionListProps {
  doc: Y.Doc
  me: string
  isOwner: boolean
}

/** Teammates' open suggestions; the owner accepts (the text changes) or rejects each. */
export function SuggestionList({
  doc,
  me,
  isOwner,
}: SuggestionListProps): React.JSX.Element | null {
  const open = useYRead(suggestionsArray(doc), () => listSuggestions(doc, 'open'))
  // The words around each change, read again as the update is edited.
  const around = useDocRead(doc, () =>
    open.map((suggestion) => suggestionContext(doc, suggestion.find)),
  )
  const attempt = useAttempt()
  if (open.length === 0) return null
  return (
    <section className="suggestions" aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading">
        Suggested changes <span className="badge">{open.length}</span>
      </h3>
      <ul className="suggestions__list">
        {open.map((suggestion, index) => (
          <li key={suggestion.id} className="suggestion">
            <p className="suggestion__who">
              {suggestion.by === me ? 'You' : memberName(doc, suggestion.by)} suggest
              {suggestion.by === me ? '' : 's'} ·{' '}
              <time dateTime={suggestion.at}>{clockTime(suggestion.at)}</time>
            </p>
            <SuggestionContext context={around[index] ?? null} find={suggestion.find} />
            <p className="suggestion__change">
              <del>{suggestion.find}</del>
              <span aria-hidden="true"> → </span>
              <span className="suggestion__sr-only"> replaced with </span>
              {suggestion.replace === '' ? <em>(removed)</em> : <ins>{suggestion.replace}</ins>}
            </p>
            {isOwner && (
              <div className="suggestion__actions">
                <button
                  className="button button--primary"
                  onClick={() => attempt.run(() => acceptSuggestion(doc, me, suggestion.id))}
                >
                  Accept suggestion
                </button>
                <button
                  className="button"
                  onClick={() => attempt.run(() => rejectSuggestion(doc, me, suggestion.id))}
                >
                  Reject suggestion
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {attempt.error && (
        <p className="field-error" role="alert">
          {attempt.error}
        </p>
      )}
      {!isOwner && <p className="suggestions__hint">The case owner accepts or rejects these.</p>}
    </section>
  )
}

interface SuggestionContextProps {
  context: ReturnType<typeof suggestionContext>
  find: string
}

/** The sentence the change sits in, the changed words marked, or why it is not shown. */
function SuggestionContext({ context, find }: SuggestionContextProps): React.JSX.Element {
  if (!context) {
    return (
      <p className="suggestion__context suggestion__context--gone">
        These words are no longer in the update.
      </p>
    )
  }
  return (
    <p className="suggestion__context">
      <span className="suggestion__sr-only">In the update: </span>
      {context.before}
      <mark>{find}</mark>
      {context.after}
    </p>
  )
}
