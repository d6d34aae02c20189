import { useState } from 'react'
import type * as Y from 'yjs'
import { requestChanges, requestReview, type ApprovalStatus } from '@shared/case/approval'
import { approveSigned } from '@shared/case/signatures/signed-decisions'
import { markSent } from '@shared/case/updates'
import { useAttempt } from '../../common/use-attempt'
import { UnverifiedBadge } from '../trust/unverified-badge'
import { useRoomTrust } from '../trust/trust-context'
import { describeApproval } from './approval-state'

interface ApprovalBarProps {
  doc: Y.Doc
  me: string
  status: ApprovalStatus
  isOwner: boolean
  isObserver: boolean
}

/** The customer update's state, and what the viewer can do about it from here. */
export function ApprovalBar(props: ApprovalBarProps): React.JSX.Element {
  const { doc, me, status, isOwner, isObserver } = props
  const attempt = useAttempt()
  const [askingChanges, setAskingChanges] = useState(false)
  const [note, setNote] = useState('')
  const { trust, signing } = useRoomTrust()
  const view = describeApproval(doc, status, me)
  const unverified = status.valid && trust?.approval?.verified === false ? trust.approval : null
  const canRequest = !isObserver && !status.valid && status.state !== 'review-requested'
  const underReview = status.state === 'review-requested'

  return (
    <div
      className={`approval-bar approval-bar--${unverified ? 'unverified' : view.key}`}
      role="group"
      aria-label="Approval"
    >
      <div className="approval-bar__state">
        <span className="approval-bar__label">
          {view.label}
          {unverified && <UnverifiedBadge reason={unverified.problem} />}
        </span>
        <span className="approval-bar__detail">
          {unverified
            ? 'This approval is not signed by the key of the member it names, so it does not ' +
              'count: the reply cannot be exported until the owner approves it again.'
            : view.detail}
        </span>
      </div>
      <div className="approval-bar__actions">
        {canRequest && (
          <button className="button" onClick={() => attempt.run(() => requestReview(doc, me))}>
            Request review
          </button>
        )}
        {isOwner && (!status.valid || unverified) && (
          <button
            className="button button--primary"
            onClick={() =>
              void attempt.runAsync(() => approveSigned(doc, me, signing, status.currentHash))
            }
          >
            Approve update
          </button>
        )}
        {isOwner && underReview && !askingChanges && (
          <button className="button" onClick={() => setAskingChanges(true)}>
            Request changes
          </button>
        )}
        {isOwner && status.valid && !unverified && (
          <button
            className="button button--primary"
            onClick={() => attempt.run(() => markSent(doc, me, { via: 'manual' }))}
          >
            Mark as sent
          </button>
        )}
      </div>
      {askingChanges && (
        <form
          className="approval-bar__changes"
          onSubmit={(event) => {
            event.preventDefault()
            if (attempt.run(() => requestChanges(doc, me, note))) {
              setAskingChanges(false)
              setNote('')
            }
          }}
        >
          <label className="field field--grow">
            <span>What should change (optional)</span>
            <input
              value={note}
              maxLength={2000}
              onChange={(event) => setNote(event.target.value)}
            />
          </label>
          <button type="button" className="button" onClick={() => setAskingChanges(false)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Send back for changes
          </button>
        </form>
      )}
      {attempt.error && (
        <p className="field-error approval-bar__error" role="alert">
          {attempt.error}
        </p>
      )}
    </div>
  )
}
