/**
 * Handing the case over: the owner offers ownership to a member, and it moves only when that
 * member accepts, so a case is never owned by someone who has not agreed to it.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { memberName, readMember, writeMemberRole } from './members'
import { ownerIdOf, requireMember, requireOwner } from './permissions'
import { TOP_LEVEL, type OwnershipOffer } from './schema'
import { signed } from './signatures/decision-payload'
import { logEvent } from './timeline'
import { clearResponsibilitiesOf } from './responsibilities'
import type { OnUnreadable } from './unreadable'

const offerSchema = z.object({
  to: z.string(),
  by: z.string(),
  at: z.string(),
  signature: z.string().optional().catch(undefined),
})

function meta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TOP_LEVEL.meta)
}

/** The hand-over waiting for an answer, if any. */
export function readOwnershipOffer(doc: Y.Doc, onUnreadable?: OnUnreadable): OwnershipOffer | null {
  const value = meta(doc).get('ownershipOffer')
  const parsed = offerSchema.safeParse(value)
  if (!parsed.success && value !== undefined)
    onUnreadable?.({ part: 'meta', key: 'ownershipOffer' })
  return parsed.success ? parsed.data : null
}

export function offerOwnership(
  doc: Y.Doc,
  actor: string,
  to: string,
  now = new Date(),
  signature?: string,
): void {
  requireOwner(doc, actor, 'offer the case to someone else')
  const member = readMember(doc, to)
  if (!member) throw new Error('Ownership can only go to a member of the case.')
  if (to === actor) throw new Error('You already own this case.')
  if (member.role === 'observer') {
    throw new Error(`${member.name} is an observer; make them a contributor before handing over.`)
  }
  const offer: OwnershipOffer = { to, by: actor, at: now.toISOString(), ...signed(signature) }
  doc.transact(() => {
    meta(doc).set('ownershipOffer', offer)
    const text = `${memberName(doc, actor)} offered ownership of the case to ${member.name}.`
    logEvent(doc, actor, 'ownership-offered', text, { to, ...signed(signature) }, { now })
  })
}

/**
 * The offered member takes the case: they become owner, the previous owner a contributor, and
 * the responsibilities the previous owner held fall back to the new owner.
 */
export function acceptOwnership(
  doc: Y.Doc,
  actor: string,
  now = new Date(),
  signature?: string,
): void {
  const accepting = requireMember(doc, actor)
  const offer = requireOfferTo(doc, actor)
  const from = ownerIdOf(doc)
  if (offer.by !== from) {
    throw new Error('This offer is out of date: the case changed owner since it was made.')
  }
  const previous = readMember(doc, from)
  doc.transact(() => {
    meta(doc).set('ownerId', actor)
    meta(doc).delete('ownershipOffer')
    if (previous) writeMemberRole(doc, from, 'contributor', previous.expertise)
    writeMemberRole(doc, actor, 'owner', accepting.expertise)
    clearResponsibilitiesOf(doc, from)
    const text = `${accepting.name} accepted ownership of the case from ${memberName(doc, from)}.`
    const data = { from, to: actor, offerAt: offer.at, ...signed(signature) }
    logEvent(doc, actor, 'ownership-accepted', text, data, { now })
  })
}

/** The offered member says no; the case stays with its owner. */
export function declineOwnership(doc: Y.Doc, actor: string): void {
  requireOfferTo(doc, actor)
  meta(doc).delete('ownershipOffer')
}

/** The owner takes the offer back before it is answered. */
export function cancelOffer(doc: Y.Doc, actor: string): void {
  requireOwner(doc, actor, 'take back an offer of ownership')
  if (!readOwnershipOffer(doc)) throw new Error('There is no offer of ownership to take back.')
  meta(doc).delete('ownershipOffer')
}

function requireOfferTo(doc: Y.Doc, actor: string): OwnershipOffer {
  const offer = readOwnershipOffer(doc)
  if (!offer || offer.to !== actor) {
    throw new Error('Nobody has offered you ownership of this case.')
  }
  return offer
}
