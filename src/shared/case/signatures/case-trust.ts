/**
 * Verifies a case's signed decisions against the keys this computer pinned: the approval,
 * every signed timeline event, and the chain of hand-overs that says who really owns the case.
 * Everyone holding the room key can write anything, so nothing here trusts a value unsigned.
 */
import type * as Y from 'yjs'
import { approvalStatus } from '../approval'
import { readMeta } from '../case-doc'
import { reviewMap } from '../review'
import type { ActionEntry } from '../schema'
import { listActions } from '../timeline'
import { decisionPayload, isSignedKind, type Decision } from './decision-payload'
import { keyFingerprint, verifySignature } from './device-key-format'
import { publicKeysOf, type TrustPins } from './trust-pins'

export type KeyState = 'pinned' | 'changed' | 'none'

export interface MemberKey {
  /** The key pinned for the member here, or the one the case holds if none is. */
  fingerprint: string | null
  state: KeyState
}

/** Why a decision does not verify, in words for the room. */
export type Unverified = 'unsigned' | 'no-key' | 'key-changed' | 'bad-signature' | 'not-owner'

export interface CaseTrust {
  members: Record<string, MemberKey>
  /** Signed-kind timeline events that do not verify, by event id. */
  unverifiedEvents: Record<string, Unverified>
  /** The owner by the verified hand-overs; `claimed` is what `meta.ownerId` says. */
  owner: { verified: string; claimed: string; forged: boolean }
  /** The approval in force, if any; null when the text is not approved as it is. */
  approval: { approvedBy: string; verified: boolean; problem?: Unverified } | null
  signOff: { by: string; verified: boolean } | null
}

export async function checkCaseTrust(doc: Y.Doc, pins: TrustPins): Promise<CaseTrust> {
  const inCase = publicKeysOf(doc)
  const members: Record<string, MemberKey> = {}
  for (const memberId of new Set([...Object.keys(inCase), ...Object.keys(pins.keys)])) {
    const pinned = pins.keys[memberId]
    const current = inCase[memberId]
    const key = pinned ?? current
    members[memberId] = {
      fingerprint: key ? keyFingerprint(key) : null,
      state: !key ? 'none' : current !== undefined && current !== key ? 'changed' : 'pinned',
    }
  }
  const verify = (decision: Decision, signature: unknown): Promise<Unverified | null> =>
    verifyDecision(decision, signature, pins, inCase)

  const entries = listActions(doc).filter((entry) => isSignedKind(entry.kind))
  const results = await Promise.all(
    entries.map((entry) => {
      const { signature, ...fields } = entry.data ?? {}
      const decision = eventDecision(entry, pins.caseRoom, fields)
      return verify(decision, signature)
    }),
  )
  const unverifiedEvents: Record<string, Unverified> = {}
  entries.forEach((entry, index) => {
    const problem = results[index]
    if (problem) unverifiedEvents[entry.id] = problem
  })
  const verified = entries.filter((entry) => unverifiedEvents[entry.id] === undefined)
  const periods = ownerPeriods(pins.creator, readMeta(doc).createdAt, verified)
  const owner = periods.at(-1)?.owner ?? pins.creator
  const claimed = readMeta(doc).ownerId
  for (const entry of verified) {
    const ownersOnly = ['approved', 'handoff', 'ownership-offered'].includes(entry.kind)
    if (ownersOnly && ownerAt(periods, entry.time) !== entry.author) {
      unverifiedEvents[entry.id] = 'not-owner'
    }
  }

  return {
    members,
    unverifiedEvents,
    owner: { verified: owner, claimed, forged: claimed !== owner },
    approval: await checkApproval(doc, pins, periods, verify),
    signOff: await checkSignOff(doc, pins, verify),
  }
}

async function checkApproval(
  doc: Y.Doc,
  pins: TrustPins,
  periods: OwnerPeriod[],
  verify: (decision: Decision, signature: unknown) => Promise<Unverified | null>,
): Promise<CaseTrust['approval']> {
  const status = approvalStatus(doc)
  if (!status.valid) return null
  const approvedBy = status.approvedBy ?? ''
  const decision: Decision = {
    kind: 'approved',
    caseRoom: pins.caseRoom,
    memberId: approvedBy,
    fields: { hash: status.contentHash },
    time: status.approvedAt ?? '',
  }
  const problem =
    (await verify(decision, status.signature)) ??
    (ownerAt(periods, decision.time) === approvedBy ? null : 'not-owner')
  return problem ? { approvedBy, verified: false, problem } : { approvedBy, verified: true }
}

async function checkSignOff(
  doc: Y.Doc,
  pins: TrustPins,
  verify: (decision: Decision, signature: unknown) => Promise<Unverified | null>,
): Promise<CaseTrust['signOff']> {
  const by = reviewMap(doc).get('signedOffBy')
  const at = reviewMap(doc).get('signedOffAt')
  if (typeof by !== 'string' || typeof at !== 'string') return null
  const decision: Decision = {
    kind: 'signed-off',
    caseRoom: pins.caseRoom,
    memberId: by,
    fields: {},
    time: at,
  }
  return { by, verified: (await verify(decision, reviewMap(doc).get('signature'))) === null }
}

/** Checks one signature with the member's pinned key (or, first seen, the case's). */
export async function verifyDecision(
  decision: Decision,
  signature: unknown,
  pins: TrustPins,
  inCase: Record<string, string>,
): Promise<Unverified | null> {
  if (typeof signature !== 'string' || signature === '') return 'unsigned'
  const pinned = pins.keys[decision.memberId]
  const key = pinned ?? inCase[decision.memberId]
  if (!key) return 'no-key'
  if (await verifySignature(key, decisionPayload(decision), signature)) return null
  const current = inCase[decision.memberId]
  return current !== undefined && current !== key ? 'key-changed' : 'bad-signature'
}

function eventDecision(
  entry: ActionEntry,
  caseRoom: string,
  fields: Record<string, unknown>,
): Decision {
  const kind = isSignedKind(entry.kind) ? entry.kind : 'approved'
  return { kind, caseRoom, memberId: entry.author, fields, time: entry.time }
}

interface OwnerPeriod {
  owner: string
  since: string
}

/**
 * Who owned the case when: from its creator, through each verified offer by the owner of the
 * moment that the offered member then accepted. Times must move forward, so an old offer or
 * acceptance copied in again later does not hand the case over a second time.
 */
function ownerPeriods(creator: string, createdAt: string, verified: ActionEntry[]): OwnerPeriod[] {
  const periods: OwnerPeriod[] = [{ owner: creator, since: createdAt }]
  let offer: { to: string; at: string } | null = null
  for (const entry of verified) {
    const current = periods.at(-1) ?? { owner: creator, since: createdAt }
    const data = entry.data ?? {}
    if (entry.kind === 'ownership-offered' && entry.author === current.owner) {
      if (entry.time >= current.since && typeof data.to === 'string') {
        offer = { to: data.to, at: entry.time }
      }
    } else if (entry.kind === 'ownership-accepted' && offer) {
      const accepted =
        entry.author === offer.to &&
        data.to === offer.to &&
        data.from === current.owner &&
        data.offerAt === offer.at &&
        entry.time >= offer.at
      if (accepted) {
        periods.push({ owner: entry.author, since: entry.time })
        offer = null
      }
    }
  }
  return periods
}

function ownerAt(periods: OwnerPeriod[], time: string): string {
  let owner = periods[0]?.owner ?? ''
  for (const period of periods) if (period.since <= time) owner = period.owner
  return owner
}
