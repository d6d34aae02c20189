import { useState } from 'react'
import type * as Y from 'yjs'
import { readMeta, section } from '@shared/case/case-doc'
import { memberName, readMember } from '@shared/case/members'
import { readSignOff } from '@shared/case/review'
import { CASE_STATUS_NAMES } from '@shared/case/schema'
import { sectionState } from '@shared/case/section-state'
import { clockTime } from '../../common/format'
import { useRoomTrust } from '../trust/trust-context'
import { UnverifiedBadge } from '../trust/unverified-badge'
import './sign-off-panel.css'

interface SignOffPanelProps {
  doc: Y.Doc
  memberId: string
  onSignOff: () => void
}

/**
 * The sign-off: a lead moves a resolved case to reviewed; everyone sees who did, and when.
 * Without post-incident notes the lead is warned and confirms first (the timeline says so).
 */
export function SignOffPanel({ doc, memberId, onSignOff }: SignOffPanelProps): React.JSX.Element {
  const [confirming, setConfirming] = useState(false)
  const signed = readSignOff(doc)
  const noNotes = sectionState(section(doc, 'postIncident')) === 'missing'
  const { trust } = useRoomTrust()
  const unverified = signed !== null && trust?.signOff?.verified === false
  const { status } = readMeta(doc)
  const isLead = readMember(doc, memberId)?.role === 'lead'
  const reason = !isLead
    ? 'Only a lead can sign the review off.'
    : status !== 'resolved'
      ? `The case is ${CASE_STATUS_NAMES[status].toLowerCase()}: sign off once it is resolved.`
      : ''
  return (
    <section className="review-panel" aria-labelledby="sign-off-heading">
      <h3 id="sign-off-heading">Sign-off</h3>
      {signed ? (
        <p className="sign-off__done" role="status">
          Signed off by {memberName(doc, signed.by)}, {clockTime(signed.at)}.
          {unverified && <UnverifiedBadge reason="bad-signature" />}
        </p>
      ) : (
        <>
          {confirming && noNotes && reason === '' ? (
            <div className="sign-off__confirm" role="alert">
              <p>
                Nobody has written post-incident notes: what was learned will be missing from the
                review and the knowledge-base draft. Sign off anyway?
              </p>
              <div className="sign-off__confirm-actions">
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => {
                    setConfirming(false)
                    onSignOff()
                  }}
                >
                  Sign off without notes
                </button>
                <button type="button" className="button" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={reason !== ''}
              aria-describedby={reason ? 'sign-off-reason' : undefined}
              onClick={() => (noNotes ? setConfirming(true) : onSignOff())}
            >
              Sign off review
            </button>
          )}
          {reason && (
            <p id="sign-off-reason" className="review-panel__empty">
              {reason}
            </p>
          )}
        </>
      )}
    </section>
  )
}
