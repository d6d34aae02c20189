import { useState } from 'react'
import type * as Y from 'yjs'
import { memberName } from '@shared/case/members'
import { cancelOffer } from '@shared/case/ownership'
import { offerOwnershipSigned } from '@shared/case/signatures/signed-decisions'
import { useRoomTrust } from '../trust/trust-context'
import type { CaseMember } from '@shared/case/schema'
import { clockTime } from '../../common/format'
import { useAttempt } from '../../common/use-attempt'
import { OwnershipPrompt } from './ownership-prompt'
import { useOwnershipOffer } from './use-ownership'

interface OwnershipHandOverProps {
  doc: Y.Doc
  me: string
  members: ReadonlyMap<string, CaseMember>
  ownerId: string
}

/**
 * Moving the case to a new owner: the owner offers it, the member accepts or declines. Until
 * they accept, the case stays with its owner.
 */
export function OwnershipHandOver(props: OwnershipHandOverProps): React.JSX.Element {
  const { doc, me, members, ownerId } = props
  const offer = useOwnershipOffer(doc)
  const attempt = useAttempt()
  const { signing } = useRoomTrust()
  const candidates = [...members].filter(
    ([memberId, member]) => memberId !== ownerId && member.role !== 'observer',
  )
  const [chosen, setChosen] = useState('')
  const target = candidates.some(([memberId]) => memberId === chosen)
    ? chosen
    : (candidates[0]?.[0] ?? '')

  return (
    <section className="hand-over" aria-labelledby="hand-over-heading">
      <h3 id="hand-over-heading">Case ownership</h3>
      <p className="hand-over__owner">
        {ownerId === me ? 'You own this case.' : `${memberName(doc, ownerId)} owns this case.`}
      </p>
      {offer ? (
        offer.to === me ? (
          <OwnershipPrompt doc={doc} me={me} variant="inline" />
        ) : (
          <div className="hand-over__pending">
            <p>
              {offer.by === me ? 'You' : memberName(doc, offer.by)} offered ownership to{' '}
              <strong>{memberName(doc, offer.to)}</strong> at {clockTime(offer.at)}; waiting for
              them to accept.
            </p>
            {ownerId === me && (
              <button className="button" onClick={() => attempt.run(() => cancelOffer(doc, me))}>
                Take back offer
              </button>
            )}
          </div>
        )
      ) : ownerId === me ? (
        candidates.length === 0 ? (
          <p className="hand-over__hint">
            Nobody else can take the case yet: a teammate has to join it, as a contributor, approver
            or lead.
          </p>
        ) : (
          <div className="hand-over__offer">
            <label className="field field--grow">
              <span>Offer ownership to</span>
              <select value={target} onChange={(event) => setChosen(event.target.value)}>
                {candidates.map(([memberId, member]) => (
                  <option key={memberId} value={memberId}>
                    {member.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              className="button"
              disabled={target === ''}
              onClick={() =>
                void attempt.runAsync(() => offerOwnershipSigned(doc, me, target, signing))
              }
            >
              Offer ownership
            </button>
          </div>
        )
      ) : (
        <p className="hand-over__hint">
          Ownership moves when the owner offers it to someone and they accept.
        </p>
      )}
      {attempt.error && (
        <p className="field-error" role="alert">
          {attempt.error}
        </p>
      )}
    </section>
  )
}
