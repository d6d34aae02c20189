import type * as Y from 'yjs'
import { setMemberRole, setOwnExpertise } from '@shared/case/roles'
import {
  EXPERTISE,
  EXPERTISE_NAMES,
  MEMBER_ROLES,
  MEMBER_ROLE_NAMES,
  type CaseMember,
  type Expertise,
  type MemberRole,
} from '@shared/case/schema'
import type { Attempt } from '../../common/use-attempt'
import { useRoomTrust } from '../trust/trust-context'

interface MemberRowProps {
  doc: Y.Doc
  me: string
  memberId: string
  member: CaseMember
  isOwner: boolean
  /** The viewer owns the case, so sets everyone's role and expertise. */
  canManage: boolean
  attempt: Attempt
}

/** Roles a member can be given; ownership itself moves only by a hand-over. */
const ASSIGNABLE_ROLES = MEMBER_ROLES.filter((role) => role !== 'owner')

export function MemberRow(props: MemberRowProps): React.JSX.Element {
  const { doc, me, memberId, member, isOwner, canManage, attempt } = props
  const isMe = memberId === me
  const key = useRoomTrust().trust?.members[memberId]
  const who = isMe ? 'your' : `${member.name}'s`

  function setRole(role: MemberRole): void {
    attempt.run(() => setMemberRole(doc, me, memberId, role, member.expertise))
  }
  function setExpertise(expertise: Expertise | ''): void {
    attempt.run(() =>
      canManage
        ? setMemberRole(doc, me, memberId, member.role, expertise)
        : setOwnExpertise(doc, me, expertise),
    )
  }

  const canSetExpertise = canManage || isMe
  return (
    <li className="member-row" data-member={memberId}>
      <span className="member-row__name">
        <span className="member-chip__dot" style={{ background: member.color }} />
        {member.name}
        {isMe && <span className="member-row__you">you</span>}
      </span>
      <span
        className={`member-row__key member-row__key--${key?.state ?? 'none'}`}
        title="Compare this fingerprint with the one on the member's own screen."
      >
        {key?.state === 'changed'
          ? `Key changed since this computer first saw it (was ${key.fingerprint ?? ''})`
          : key?.fingerprint
            ? `Key ${key.fingerprint}`
            : 'No device key'}
      </span>
      {canManage && !isOwner ? (
        <select
          className="member-row__select"
          aria-label={`Role of ${member.name}`}
          value={member.role}
          onChange={(event) => setRole(event.target.value as MemberRole)}
        >
          {ASSIGNABLE_ROLES.map((role) => (
            <option key={role} value={role}>
              {MEMBER_ROLE_NAMES[role]}
            </option>
          ))}
        </select>
      ) : (
        <span className={`member-row__role member-row__role--${isOwner ? 'owner' : member.role}`}>
          {MEMBER_ROLE_NAMES[isOwner ? 'owner' : member.role]}
        </span>
      )}
      {canSetExpertise ? (
        <select
          className="member-row__select"
          aria-label={isMe ? 'Your expertise' : `Expertise of ${member.name}`}
          title={`Set ${who} expertise`}
          value={member.expertise}
          onChange={(event) => setExpertise(event.target.value as Expertise | '')}
        >
          <option value="">No expertise set</option>
          {EXPERTISE.map((expertise) => (
            <option key={expertise} value={expertise}>
              {EXPERTISE_NAMES[expertise]}
            </option>
          ))}
        </select>
      ) : (
        <span className="member-row__expertise">
          {member.expertise === '' ? 'No expertise set' : EXPERTISE_NAMES[member.expertise]}
        </span>
      )}
    </li>
  )
}
