/**
 * A case starts in Triage; once a teammate has joined, the swarm is on. The owner is offered,
 * once, to move the case to Swarming: accepting is an ordinary status change (logged), and
 * declining is kept in `meta.swarmingOfferDeclined`, so the owner is not asked again there.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { metaMap, readMeta } from './case-doc'
import { readMembers } from './members'
import { ownerIdOf, requireRole } from './permissions'
import { setStatus } from './status'

const declinedSchema = z.object({ by: z.string(), at: z.string() })

/** The teammates whose joining the offer is about: every member but the owner. */
export function swarmingOfferFor(doc: Y.Doc, me: string): string[] {
  if (ownerIdOf(doc) !== me || readMeta(doc).status !== 'triage') return []
  if (declinedSchema.safeParse(metaMap(doc).get('swarmingOfferDeclined')).success) return []
  return [...readMembers(doc)].filter(([id]) => id !== me).map(([, member]) => member.name)
}

/** The owner moves the case to Swarming, logged like every status change. */
export function acceptSwarmingOffer(doc: Y.Doc, me: string, now = new Date()): void {
  setStatus(doc, me, 'swarming', now)
}

/** The owner keeps the case in Triage; the offer is not made again for this case. */
export function declineSwarmingOffer(doc: Y.Doc, me: string, now = new Date()): void {
  requireRole(doc, me, ['owner'], 'keep the case in Triage')
  metaMap(doc).set('swarmingOfferDeclined', { by: me, at: now.toISOString() })
}
