/**
 * Who may do what. Every change to the workflow names the member acting and is checked here
 * first; the errors are sentences a support agent can act on.
 */
import type * as Y from 'yjs'
import { readMember } from './members'
import { TOP_LEVEL, type CaseMember, type MemberRole } from './schema'

/** The case owner is the member `meta.ownerId` names. */
export function ownerIdOf(doc: Y.Doc): string {
  const ownerId = doc.getMap(TOP_LEVEL.meta).get('ownerId')
  return typeof ownerId === 'string' ? ownerId : ''
}

export function isOwner(doc: Y.Doc, memberId: string): boolean {
  return memberId !== '' && ownerIdOf(doc) === memberId
}

export function requireMember(doc: Y.Doc, actor: string): CaseMember {
  const member = readMember(doc, actor)
  if (!member) throw new Error('You are not a member of this case yet: open it from the invite.')
  return member
}

/** `doing` completes "Only the case owner can …", e.g. `approve the customer update`. */
export function requireOwner(doc: Y.Doc, actor: string, doing: string): CaseMember {
  const member = requireMember(doc, actor)
  if (!isOwner(doc, actor)) throw new Error(`Only the case owner can ${doing}.`)
  return member
}

/** Everyone but observers, who read the case without changing it. */
export function requireParticipant(doc: Y.Doc, actor: string, doing: string): CaseMember {
  const member = requireMember(doc, actor)
  if (member.role === 'observer' && !isOwner(doc, actor)) {
    throw new Error(`Observers can follow the case but cannot ${doing}.`)
  }
  return member
}

export function requireRole(
  doc: Y.Doc,
  actor: string,
  roles: readonly MemberRole[],
  doing: string,
): CaseMember {
  const member = requireMember(doc, actor)
  const allowed = roles.includes(member.role) || (roles.includes('owner') && isOwner(doc, actor))
  if (!allowed) {
    const names = roles.map((role) => (role === 'owner' ? 'the case owner' : `a ${role}`))
    throw new Error(`Only ${names.join(' or ')} can ${doing}.`)
  }
  return member
}
