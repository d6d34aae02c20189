/** Changing a member's role or expertise. Ownership itself moves only by a hand-over. */
import type * as Y from 'yjs'
import { memberName, readMember, writeMemberRole } from './members'
import { isOwner, requireMember, requireOwner } from './permissions'
import {
  EXPERTISE,
  EXPERTISE_NAMES,
  MEMBER_ROLE_NAMES,
  MEMBER_ROLES,
  type Expertise,
  type MemberRole,
} from './schema'
import { logEvent } from './timeline'

/** The owner sets a member's role and expertise; logged as `role-changed`. */
export function setMemberRole(
  doc: Y.Doc,
  actor: string,
  memberId: string,
  role: MemberRole,
  expertise: Expertise | '',
  now: Date = new Date(),
): void {
  requireOwner(doc, actor, "change a member's role")
  checkValues(role, expertise)
  const member = readMember(doc, memberId)
  if (!member) throw new Error('That person is not a member of this case.')
  if (isOwner(doc, memberId) && role !== 'owner') {
    throw new Error('The case owner stays owner until someone accepts a hand-over of the case.')
  }
  if (!isOwner(doc, memberId) && role === 'owner') {
    throw new Error('Ownership moves only by a hand-over: offer the case to them instead.')
  }
  if (member.role === role && member.expertise === expertise) return
  doc.transact(() => {
    writeMemberRole(doc, memberId, role, expertise)
    logEvent(
      doc,
      actor,
      'role-changed',
      describe(doc, memberId, role, expertise),
      {
        member: memberId,
        role,
        expertise,
      },
      { now },
    )
  })
}

/** A member says what they bring to the swarm; also logged as `role-changed`. */
export function setOwnExpertise(
  doc: Y.Doc,
  actor: string,
  expertise: Expertise | '',
  now: Date = new Date(),
): void {
  const member = requireMember(doc, actor)
  checkValues(member.role, expertise)
  if (member.expertise === expertise) return
  doc.transact(() => {
    writeMemberRole(doc, actor, member.role, expertise)
    logEvent(
      doc,
      actor,
      'role-changed',
      describe(doc, actor, member.role, expertise),
      {
        member: actor,
        role: member.role,
        expertise,
      },
      { now },
    )
  })
}

function describe(doc: Y.Doc, memberId: string, role: MemberRole, expertise: string): string {
  const brings = expertise === '' ? '' : ` (${EXPERTISE_NAMES[expertise as Expertise]})`
  return `${memberName(doc, memberId)}'s role is now ${MEMBER_ROLE_NAMES[role]}${brings}.`
}

/** Values can come from a UI select or a script; an unknown one would be read back as a default. */
function checkValues(role: string, expertise: string): void {
  if (!(MEMBER_ROLES as readonly string[]).includes(role)) {
    throw new Error(`"${role}" is not a role in a case.`)
  }
  if (expertise !== '' && !(EXPERTISE as readonly string[]).includes(expertise)) {
    throw new Error(`"${expertise}" is not an area of expertise Swarmroom knows.`)
  }
}
