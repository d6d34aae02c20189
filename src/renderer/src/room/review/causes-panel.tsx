/**
 * What caused the case, as short tags the leads' insights count across cases, so a cause that
 * keeps coming back stands out there. Any member but an observer sets them.
 */
import { useState } from 'react'
import type * as Y from 'yjs'
import { MAX_CAUSES, MAX_CAUSE_LENGTH, readCauses, setCauses } from '@shared/case/causes'
import { metaMap } from '@shared/case/case-doc'
import { readMember } from '@shared/case/members'
import { useAttempt } from '../../common/use-attempt'
import { useYRead } from '../hooks/use-y-read'
import './causes-panel.css'

interface CausesPanelProps {
  doc: Y.Doc
  memberId: string
}

export function CausesPanel({ doc, memberId }: CausesPanelProps): React.JSX.Element {
  const causes = useYRead(metaMap(doc), () => readCauses(doc))
  const canEdit = useYRead(doc.getMap('members'), () => {
    const role = readMember(doc, memberId)?.role
    return role !== undefined && role !== 'observer'
  })
  const [draft, setDraft] = useState('')
  const attempt = useAttempt()

  const add = (): void => {
    if (draft.trim() === '') return
    if (attempt.run(() => setCauses(doc, memberId, [...causes, draft]))) setDraft('')
  }

  return (
    <section className="review-panel" aria-labelledby="causes-heading">
      <h3 id="causes-heading">What caused it</h3>
      {causes.length === 0 ? (
        <p className="review-panel__empty">No cause given yet.</p>
      ) : (
        <ul className="causes" aria-label="Causes">
          {causes.map((cause) => (
            <li key={cause} className="causes__tag">
              {cause}
              {canEdit && (
                <button
                  type="button"
                  className="causes__remove"
                  aria-label={`Remove the cause ${cause}`}
                  onClick={() =>
                    attempt.run(() =>
                      setCauses(
                        doc,
                        memberId,
                        causes.filter((kept) => kept !== cause),
                      ),
                    )
                  }
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && causes.length < MAX_CAUSES && (
        <form
          className="causes__add"
          onSubmit={(event) => {
            event.preventDefault()
            add()
          }}
        >
          <label className="visually-hidden" htmlFor="cause-input">
            Add a cause
          </label>
          <input
            id="cause-input"
            value={draft}
            maxLength={MAX_CAUSE_LENGTH}
            placeholder="e.g. proration bug"
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button" disabled={draft.trim() === ''}>
            Add
          </button>
        </form>
      )}
      {attempt.error && (
        <p role="alert" className="causes__error">
          {attempt.error}
        </p>
      )}
    </section>
  )
}
