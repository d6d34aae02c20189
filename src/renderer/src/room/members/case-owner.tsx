import type * as Y from 'yjs'
import { membersMap, readMember } from '@shared/case/members'
import { useYRead } from '../hooks/use-y-read'
import { useOwnerId } from './use-ownership'
import './members.css'

/** "Owner: Dana Whitfield" in the case header, so everyone knows who speaks to the customer. */
export function CaseOwner({ doc, me }: { doc: Y.Doc; me: string }): React.JSX.Element {
  const ownerId = useOwnerId(doc)
  const owner = useYRead(membersMap(doc), () => readMember(doc, ownerId))
  return (
    <span className="owner-chip">
      Owner:
      <span className="member-chip__dot" style={{ background: owner?.color ?? '#9ca3af' }} />
      <strong>{ownerId === me ? 'you' : (owner?.name ?? 'Unknown member')}</strong>
    </span>
  )
}
