import type * as Y from 'yjs'
import { membersMap, readMember, readMembers, withShownColors } from '@shared/case/members'
import { useYRead } from '../hooks/use-y-read'
import { useRoomTrust } from '../trust/trust-context'
import { UnverifiedBadge } from '../trust/unverified-badge'
import { useOwnerId } from './use-ownership'
import './members.css'

/** "Owner: Dana Whitfield" in the case header, so everyone knows who speaks to the customer. */
export function CaseOwner({ doc, me }: { doc: Y.Doc; me: string }): React.JSX.Element {
  const claimedId = useOwnerId(doc)
  const { trust } = useRoomTrust()
  // A forged `meta.ownerId` does not make its writer the owner: the verified owner is shown.
  const forged = trust?.owner.forged === true && trust.owner.claimed === claimedId
  const ownerId = forged ? trust.owner.verified : claimedId
  const owner = useYRead(membersMap(doc), () => withShownColors(readMembers(doc)).get(ownerId))
  const claimant = useYRead(membersMap(doc), () => readMember(doc, claimedId))
  return (
    <span className="owner-chip">
      Owner:
      <span className="member-chip__dot" style={{ background: owner?.color ?? '#9ca3af' }} />
      <strong>{ownerId === me ? 'you' : (owner?.name ?? 'Unknown member')}</strong>
      {forged && (
        <span className="owner-chip__claim">
          {claimant?.name ?? 'Someone'} claims ownership
          <UnverifiedBadge reason="not-owner" />
        </span>
      )}
    </span>
  )
}
