/**
 * Presence over Yjs awareness: who is in the room, their colour and role, and which section
 * they are in. The `user` field is also what TipTap's collaboration caret draws.
 */
import type { Awareness } from 'y-protocols/awareness'
import { z } from 'zod'
import { MEMBER_ROLES } from '../case/schema'

export interface PresenceUser {
  memberId: string
  name: string
  color: string
  role: (typeof MEMBER_ROLES)[number]
}

export interface Presence extends PresenceUser {
  /** The section or panel the person is in, if any. */
  section: string | null
  /** Their app syncs the case in the background; they are not looking at it. */
  away: boolean
}

// Peers' awareness states are untrusted input like everything else from the network.
const stateSchema = z.object({
  user: z.object({
    memberId: z.string().min(1).max(200),
    name: z.string().max(200).catch('Unknown member'),
    color: z.string().max(50).catch('#6b7280'),
    role: z.enum(MEMBER_ROLES).catch('contributor'),
  }),
  section: z.string().max(100).nullable().catch(null),
  away: z.boolean().catch(false),
})

export function setLocalPresence(
  awareness: Awareness,
  user: PresenceUser,
  { away = false }: { away?: boolean } = {},
): void {
  // Leaving a room (turning the relay on or off, say) clears the state; start it afresh then.
  if (awareness.getLocalState() === null) {
    awareness.setLocalState({ user, section: null, away })
    return
  }
  awareness.setLocalStateField('user', user)
  if (awareness.getLocalState()?.['away'] !== away) awareness.setLocalStateField('away', away)
  if (awareness.getLocalState()?.['section'] === undefined || away) {
    awareness.setLocalStateField('section', null)
  }
}

export function setLocalSection(awareness: Awareness, section: string | null): void {
  if (awareness.getLocalState()?.['section'] === section) return
  awareness.setLocalStateField('section', section)
}

/**
 * Everyone else present, one entry per member (a member with two windows shows once, in the
 * section of their most recent state), sorted by name.
 */
export function readPresence(awareness: Awareness, ownMemberId: string): Presence[] {
  const people = new Map<string, Presence>()
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const parsed = stateSchema.safeParse({ section: null, away: false, ...state })
    if (!parsed.success || parsed.data.user.memberId === ownMemberId) continue
    const { user, section, away } = parsed.data
    // A member with the case on screen in one window and in the background in another is here.
    if (away && people.get(user.memberId)?.away === false) continue
    people.set(user.memberId, { ...user, section, away })
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name))
}
