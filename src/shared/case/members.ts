/** The `members` map: everyone who has taken part in the case. */
import type * as Y from 'yjs'
import { z } from 'zod'
import {
  EXPERTISE,
  MEMBER_ROLES,
  TOP_LEVEL,
  type CaseMember,
  type Expertise,
  type MemberRole,
} from './schema'
import {
  chooseMemberColor,
  colorSlot,
  MEMBER_COLORS,
  memberColorSlots,
  UNKNOWN_MEMBER_COLOR as UNKNOWN,
} from './member-colors'
import { logEvent } from './timeline'
import { readValue, type OnUnreadable } from './unreadable'

export interface MemberIdentity {
  memberId: string
  name: string
  /** The colour the member would like: theirs in a case where nobody else has it. */
  color: string
  /** This device's public key (raw Ed25519, base64url), written into the member's entry. */
  publicKey?: string
}

const memberSchema = z.object({
  name: z.string().catch('Unknown member'),
  color: z.string().catch('#6b7280'),
  colorSince: z.string().optional().catch(undefined),
  role: z.enum(MEMBER_ROLES).catch('contributor'),
  expertise: z.enum([...EXPERTISE, '']).catch(''),
  publicKey: z.string().optional().catch(undefined),
})

export function membersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TOP_LEVEL.members)
}

/**
 * Adds the member with a colour nobody in the case has, or refreshes their name and key; an
 * existing role and colour are kept.
 */
export function ensureMember(
  doc: Y.Doc,
  identity: MemberIdentity,
  role: MemberRole,
  now: Date = new Date(),
): void {
  const members = membersMap(doc)
  const existing = members.get(identity.memberId)
  // An entry a peer spoiled (not an object) is written afresh, with the role given.
  const current = existing === undefined ? undefined : memberSchema.safeParse(existing).data
  const publicKey = identity.publicKey ?? current?.publicKey
  const same = current?.name === identity.name && current.publicKey === publicKey
  if (same) return
  const member: CaseMember = {
    name: identity.name,
    ...(current
      ? { color: current.color, ...(current.colorSince ? { colorSince: current.colorSince } : {}) }
      : {
          color: chooseMemberColor(readMembers(doc), identity.color),
          colorSince: now.toISOString(),
        }),
    role: current?.role ?? role,
    expertise: current?.expertise ?? '',
    ...(publicKey === undefined ? {} : { publicKey }),
  }
  members.set(identity.memberId, member)
}

/**
 * When this member's colour is shown as another one (a teammate who joined at the same moment
 * took the same colour and keeps it, `memberColorSlots`), writes the colour shown into their
 * entry, so it stays theirs. Only the member's own app calls this, for their own entry.
 */
export function settleOwnColor(doc: Y.Doc, memberId: string, now: Date = new Date()): boolean {
  const member = readMember(doc, memberId)
  const slot = memberColorSlots(readMembers(doc)).get(memberId)
  if (!member || slot === undefined || colorSlot(member.color) === slot) return false
  const color = MEMBER_COLORS[slot]
  if (!color) return false
  membersMap(doc).set(memberId, { ...member, color, colorSince: now.toISOString() })
  return true
}

/** The members with the colour each is shown in (for display; entries keep their own). */
export function withShownColors(members: ReadonlyMap<string, CaseMember>): Map<string, CaseMember> {
  const slots = memberColorSlots(members)
  return new Map(
    [...members].map(([id, member]) => {
      const slot = slots.get(id)
      return [
        id,
        { ...member, color: slot === undefined ? UNKNOWN : (MEMBER_COLORS[slot] ?? UNKNOWN) },
      ]
    }),
  )
}

/**
 * A member opens the case: `ensureMember`, and their first visit is logged as `joined`, with
 * an id of their own so that two windows opening at once log it once.
 */
export function joinCase(
  doc: Y.Doc,
  identity: MemberIdentity,
  role: MemberRole,
  now: Date = new Date(),
): void {
  const isNew = !membersMap(doc).has(identity.memberId)
  doc.transact(() => {
    ensureMember(doc, identity, role, now)
    if (!isNew) return
    const text = `${identity.name} joined the case.`
    logEvent(doc, identity.memberId, 'joined', text, {}, { id: `joined:${identity.memberId}`, now })
  })
}

/** Every member; an entry that is not a member (a peer wrote a string, say) is skipped. */
export function readMembers(doc: Y.Doc, onUnreadable?: OnUnreadable): Map<string, CaseMember> {
  const result = new Map<string, CaseMember>()
  membersMap(doc).forEach((value, id) => {
    const member = readValue(memberSchema, value, { part: 'members', key: id }, onUnreadable)
    if (member) result.set(id, member)
  })
  return result
}

/** The member, or undefined when there is none or their entry cannot be read. */
export function readMember(doc: Y.Doc, memberId: string): CaseMember | undefined {
  const value = membersMap(doc).get(memberId)
  return value === undefined ? undefined : memberSchema.safeParse(value).data
}

/** The member's display name, for event texts and exports. */
export function memberName(doc: Y.Doc, memberId: string): string {
  return readMember(doc, memberId)?.name ?? 'Unknown member'
}

/** Writes a member's role and expertise as they are; permission checks are the caller's. */
export function writeMemberRole(
  doc: Y.Doc,
  memberId: string,
  role: MemberRole,
  expertise: Expertise | '',
): void {
  const member = readMember(doc, memberId)
  if (!member) throw new Error('That person is not a member of this case.')
  membersMap(doc).set(memberId, { ...member, role, expertise })
}
