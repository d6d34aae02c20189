import { useState } from 'react'
import type * as Y from 'yjs'
import { requestChanges, requestReview, type ApprovalStatus } from '@shared/case/approval'
import { approveSigned } from '@shared/case/signatures/signed-decisions'
import { markSent } from '@shared/case/updates'
import { useAttempt } from '../../common/use-attempt'
import { UnverifiedBadge } from '../trust/unverified-badge'
import { useRoomTrust } from '../trust/trust-context'
import type { UpdateSaver } from '@shared/room/update-saver'
import { describeApproval } from './approval-state'
import { describeDelivery } from './delivery-state'
import { SendToTicket } from './send-to-ticket'
import type { LinkedTicket } from './use-linked-ticket'
import './send-to-ticket.css'

interface ApprovalBarProps {
  roomId: string
  doc: Y.Doc
  saver: UpdateSaver
  me: string
  status: ApprovalStatus
  isOwner: boolean
  isObserver: boolean
  /** The ticket the update can be sent to from this computer, if any. */
  ticket: LinkedTicket | null
}

/** The customer update's state, and what the viewer can do about it from here. */
export function ApprovalBar(props: ApprovalBarProps): React.JSX.Element {
  const { roomId, doc, saver, me, status, isOwner, isObserver, ticket } = props
  const attempt = useAttempt()
  const [askingChanges, setAskingChanges] = useState(false)
  const [note, setNote] = useState('')
  const { trust, signing } = useRoomTrust()
  const delivery = describeDelivery(doc, status, me)
  const view = delivery ?? describeApproval(doc, status, me)
  const unverified = status.valid && trust?.approval?.verified === false ? trust.approval : null
  // The text that went out needs no review; one on its way waits for its export.
  const sent = delivery?.key === 'sent'
  const canRequest = !sent && !isObserver && !status.valid && status.state !== 'review-requested'
  const underReview = status.state === 'review-requested'
  const canSend = isOwner && status.valid && !unverified && delivery?.key !== 'sending'

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
        {isOwner && !sent && (!status.valid || unverified) && (
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
        {isOwner && ticket && (
          <SendToTicket roomId={roomId} doc={doc} saver={saver} ticket={ticket} canSend={canSend} />
        )}
        {canSend && (
          <button
            className={ticket ? 'button' : 'button button--primary'}
            onClick={() => attempt.run(() => markSent(doc, me, { via: 'manual' }))}
          >
            {ticket ? 'I sent it another way' : 'Mark as sent'}
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
