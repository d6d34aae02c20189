/**
 * The workflow's decisions, signed by the member making them. Signing is asynchronous (the key
 * stays in main, WebCrypto answers with a promise), so each decision is checked, its payload
 * signed, and then written by the same synchronous function, which checks again: a change that
 * arrived while signing refuses the decision instead of writing a signature over other values.
 */
import type * as Y from 'yjs'
import { approve, customerUpdateHash } from '../approval'
import { checkEscalation, checkHandoff, gapsOf } from '../completeness'
import { escalate, handOff, type HandoffResult } from '../handoff'
import { acceptOwnership, offerOwnership, readOwnershipOffer } from '../ownership'
import { ownerIdOf, requireOwner, requireParticipant, requireRole } from '../permissions'
import { signOff } from '../review'
import { decisionPayload, type SignedKind } from './decision-payload'

export interface Signing {
  /** The room id decisions of this case are signed in (the pinned `caseRoom`). */
  caseRoom: string
  /** Signs the payload with this device's key; resolves to the signature, base64url. */
  sign: (payload: string) => Promise<string>
}

async function signDecision(
  signing: Signing,
  kind: SignedKind,
  memberId: string,
  fields: Record<string, unknown>,
  now: Date,
): Promise<string> {
  const time = now.toISOString()
  return signing.sign(decisionPayload({ kind, caseRoom: signing.caseRoom, memberId, fields, time }))
}

export async function approveSigned(
  doc: Y.Doc,
  actor: string,
  signing: Signing,
  seenHash?: string,
  now = new Date(),
): Promise<void> {
  requireOwner(doc, actor, 'approve the customer update')
  const hash = seenHash ?? customerUpdateHash(doc)
  const signature = await signDecision(signing, 'approved', actor, { hash }, now)
  approve(doc, actor, hash, now, signature)
}

export async function offerOwnershipSigned(
  doc: Y.Doc,
  actor: string,
  to: string,
  signing: Signing,
  now = new Date(),
): Promise<void> {
  requireOwner(doc, actor, 'offer the case to someone else')
  const signature = await signDecision(signing, 'ownership-offered', actor, { to }, now)
  offerOwnership(doc, actor, to, now, signature)
}

export async function acceptOwnershipSigned(
  doc: Y.Doc,
  actor: string,
  signing: Signing,
  now = new Date(),
): Promise<void> {
  const offer = readOwnershipOffer(doc)
  const fields = { from: ownerIdOf(doc), to: actor, offerAt: offer?.at ?? '' }
  const signature = await signDecision(signing, 'ownership-accepted', actor, fields, now)
  if (readOwnershipOffer(doc)?.at !== fields.offerAt || ownerIdOf(doc) !== fields.from) {
    throw new Error('The offer changed while you were answering it: look at it again.')
  }
  acceptOwnership(doc, actor, now, signature)
}

export async function handOffSigned(
  doc: Y.Doc,
  actor: string,
  options: { to: string; acknowledgeGaps: boolean },
  signing: Signing,
  now = new Date(),
): Promise<HandoffResult> {
  requireOwner(doc, actor, 'hand the case off')
  const to = options.to.trim()
  const gaps = gapsOf(checkHandoff(doc))
  const signature = await signDecision(signing, 'handoff', actor, { to, gaps }, now)
  requireSameGaps(gaps, gapsOf(checkHandoff(doc)))
  return handOff(doc, actor, { ...options, to, now, signature })
}

export async function escalateSigned(
  doc: Y.Doc,
  actor: string,
  options: { acknowledgeGaps: boolean },
  signing: Signing,
  now = new Date(),
): Promise<HandoffResult> {
  requireParticipant(doc, actor, 'escalate the case')
  const gaps = gapsOf(checkEscalation(doc))
  const signature = await signDecision(signing, 'escalation', actor, { gaps }, now)
  requireSameGaps(gaps, gapsOf(checkEscalation(doc)))
  return escalate(doc, actor, { ...options, now, signature })
}

export async function signOffSigned(
  doc: Y.Doc,
  actor: string,
  signing: Signing,
  now = new Date(),
): Promise<void> {
  requireRole(doc, actor, ['lead'], 'sign the review off')
  const signature = await signDecision(signing, 'signed-off', actor, {}, now)
  signOff(doc, actor, now, signature)
}

function requireSameGaps(signed: readonly string[], now: readonly string[]): void {
  if (signed.join('\n') !== now.join('\n')) {
    throw new Error('The case changed while you were deciding: look at it again, then go ahead.')
  }
}
