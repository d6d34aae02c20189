/** The `members` map: everyone who has taken part in the case. */
import type * as Y from 'yjs'
import { z } from 'zod'
import { MEMBER_ROLES, TOP_LEVEL, type CaseMember, type MemberRole } from './schema'

export interface MemberIdentity {
  memberId: string
  name: string
  color: string
}

const memberSchema = z.object({
  name: z.string().catch('Unknown member'),
  color: z.string().catch('#6b7280'),
  role: z.enum(MEMBER_ROLES).catch('contributor'),
  expertise: z.string().catch(''),
})

export function membersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TOP_LEVEL.members)
}

/** Adds the member, or refreshes their name and colour; an existing role is kept. */
export function ensureMember(doc: Y.Doc, identity: MemberIdentity, role: MemberRole): void {
  const members = membersMap(doc)
  const existing = members.get(identity.memberId)
  const current = existing === undefined ? undefined : memberSchema.parse(existing)
  if (current && current.name === identity.name && current.color === identity.color) return
  const member: CaseMember = {
    name: identity.name,
    color: identity.color,
    role: current?.role ?? role,
    expertise: current?.expertise ?? '',
  }
  members.set(identity.memberId, member)
}

export function readMembers(doc: Y.Doc): Map<string, CaseMember> {
  const result = new Map<string, CaseMember>()
  membersMap(doc).forEach((value, id) => result.set(id, memberSchema.parse(value)))
  return result
}
