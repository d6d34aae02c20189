import type * as Y from 'yjs'
import { memberName } from '@shared/case/members'
import { declineOwnership } from '@shared/case/ownership'
import { acceptOwnershipSigned } from '@shared/case/signatures/signed-decisions'
import { useRoomTrust } from '../trust/trust-context'
import { clockTime } from '../../common/format'
import { useAttempt } from '../../common/use-attempt'
import { useOwnershipOffer } from './use-ownership'
import './members.css'

interface OwnershipPromptProps {
  doc: Y.Doc
  me: string
  /** `banner` in the case header, `inline` in the members panel. */
  variant: 'banner' | 'inline'
}

/** Asks the member the case was offered to whether they take it; nothing for anyone else. */
export function OwnershipPrompt({
  doc,
  me,
  variant,
}: OwnershipPromptProps): React.JSX.Element | null {
  const offer = useOwnershipOffer(doc)
  const attempt = useAttempt()
  const { signing } = useRoomTrust()
  if (!offer || offer.to !== me) return null
  const from = memberName(doc, offer.by)
  return (
    <div
      className={`ownership-prompt ownership-prompt--${variant}`}
      role="group"
      aria-label="Ownership offer"
    >
      <p className="ownership-prompt__text">
        <strong>{from} offers you ownership of this case</strong>
        <span>
          {' '}
          (since {clockTime(offer.at)}). As owner you approve and send the customer update and close
          the loop.
        </span>
      </p>
      <div className="ownership-prompt__actions">
        <button
          className="button button--primary"
          onClick={() => void attempt.runAsync(() => acceptOwnershipSigned(doc, me, signing))}
        >
          Accept ownership
        </button>
        <button className="button" onClick={() => attempt.run(() => declineOwnership(doc, me))}>
          Decline ownership
        </button>
      </div>
      {attempt.error && (
        <p className="field-error" role="alert">
          {attempt.error}
        </p>
      )}
    </div>
  )
}
