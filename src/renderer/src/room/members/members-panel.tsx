import { membersMap, readMembers, withShownColors } from '@shared/case/members'
import type { RoomPanelProps } from '../sidebar/room-panel-props'
import { useAttempt } from '../../common/use-attempt'
import { useYRead } from '../hooks/use-y-read'
import { MemberRow } from './member-row'
import { OwnershipHandOver } from './ownership-hand-over'
import { OwnershipMap } from './ownership-map'
import { useOwnerId } from './use-ownership'
import './members.css'

/** Everyone who ever joined the case, the hand-over of ownership, and who does what. */
export function MembersPanel({ doc, identity }: RoomPanelProps): React.JSX.Element {
  const members = useYRead(membersMap(doc), () => withShownColors(readMembers(doc)))
  const ownerId = useOwnerId(doc)
  const attempt = useAttempt()
  const me = identity.memberId
  const isOwner = me === ownerId
  // The owner first, then everyone else in the order they joined.
  const ordered = [...members].sort(([a], [b]) => Number(b === ownerId) - Number(a === ownerId))

  return (
    <section className="members" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <ul className="members__list">
        {ordered.map(([memberId, member]) => (
          <MemberRow
            key={memberId}
            doc={doc}
            me={me}
            memberId={memberId}
            member={member}
            isOwner={memberId === ownerId}
            canManage={isOwner}
            attempt={attempt}
          />
        ))}
      </ul>
      {attempt.error && (
        <p className="field-error" role="alert">
          {attempt.error}
        </p>
      )}
      <OwnershipHandOver doc={doc} me={me} members={members} ownerId={ownerId} />
      <OwnershipMap doc={doc} me={me} members={members} ownerId={ownerId} />
    </section>
  )
}
