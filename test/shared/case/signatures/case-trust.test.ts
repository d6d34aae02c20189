/**
 * Everyone holding the room key can write anything into the case. These guard what a reader
 * still believes: only decisions signed by the member's pinned key, and only the owner reached
 * through signed hand-overs. Each forgery is written straight into a real Y.Doc, as a hostile
 * peer's app would.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { approvalMap, approvalStatus } from '../../../../src/shared/case/approval'
import { metaMap, section } from '../../../../src/shared/case/case-doc'
import { caseNote } from '../../../../src/shared/case/documents/case-note'
import { joinCase, membersMap } from '../../../../src/shared/case/members'
import { appendParagraphs } from '../../../../src/shared/case/rich-text'
import { checkCaseTrust } from '../../../../src/shared/case/signatures/case-trust'
import { keyFingerprint } from '../../../../src/shared/case/signatures/device-key-format'
import {
  acceptOwnershipSigned,
  approveSigned,
  escalateSigned,
  offerOwnershipSigned,
} from '../../../../src/shared/case/signatures/signed-decisions'
import {
  mergePins,
  seenInCase,
  type TrustPins,
} from '../../../../src/shared/case/signatures/trust-pins'
import { listActions, logEvent } from '../../../../src/shared/case/timeline'
import { at, dana, newCase, omar } from '../case-fixture'
import { newDevice, type TestDevice } from './device-signer'

const ROOM = 'room-acme'
let doc: Y.Doc
let danaKey: TestDevice
let omarKey: TestDevice

function write(text: string): void {
  const fragment = section(doc, 'customerUpdate')
  doc.transact(() => {
    fragment.delete(0, fragment.length)
    appendParagraphs(fragment, [text])
  })
}

/** What this computer pinned: the keys as they were when it first read the case. */
function pinnedNow(): TrustPins {
  return mergePins(undefined, seenInCase(doc, ROOM))
}

beforeEach(async () => {
  doc = newCase()
  danaKey = await newDevice()
  omarKey = await newDevice()
  joinCase(doc, { ...dana, publicKey: danaKey.publicKey }, 'owner', at(1))
  joinCase(doc, { ...omar, publicKey: omarKey.publicKey }, 'contributor', at(1))
  write('Hi Maria, the charges are reversed.')
})

describe('signed decisions', () => {
  it('verifies an approval the owner signed over the text as it is', async () => {
    const pins = pinnedNow()
    await approveSigned(doc, 'dana', danaKey.signing(ROOM), undefined, at(5))
    const trust = await checkCaseTrust(doc, pins)
    expect(trust.approval).toEqual({ approvedBy: 'dana', verified: true })
    expect(trust.unverifiedEvents).toEqual({})
    expect(trust.members.dana).toEqual({
      fingerprint: keyFingerprint(danaKey.publicKey),
      state: 'pinned',
    })
  })

  it('shows a forged approval of text the owner never approved as unverified', async () => {
    const pins = pinnedNow()
    doc.transact(() => {
      approvalMap(doc).set('state', 'approved')
      approvalMap(doc).set('approvedBy', 'dana')
      approvalMap(doc).set('approvedAt', at(6).toISOString())
      approvalMap(doc).set('contentHash', approvalStatus(doc).currentHash)
    })
    expect(approvalStatus(doc).valid).toBe(true)
    const trust = await checkCaseTrust(doc, pins)
    expect(trust.approval).toEqual({ approvedBy: 'dana', verified: false, problem: 'unsigned' })
  })

  it('does not let a signature replayed onto changed text verify', async () => {
    const pins = pinnedNow()
    await approveSigned(doc, 'dana', danaKey.signing(ROOM), undefined, at(5))
    write('Hi Maria, we will refund you twice.')
    approvalMap(doc).set('contentHash', approvalStatus(doc).currentHash)
    const trust = await checkCaseTrust(doc, pins)
    expect(trust.approval).toMatchObject({ verified: false, problem: 'bad-signature' })
  })

  it('does not let a signature made for another case verify here', async () => {
    const pins = pinnedNow()
    await approveSigned(doc, 'dana', danaKey.signing('room-other-case'), undefined, at(5))
    expect((await checkCaseTrust(doc, pins)).approval).toMatchObject({ verified: false })
  })

  it('shows a member whose key changed after pinning, and refuses what the new key signs', async () => {
    const pins = pinnedNow()
    const mallory = await newDevice()
    membersMap(doc).set('dana', {
      ...(membersMap(doc).get('dana') as object),
      publicKey: mallory.publicKey,
    })
    await approveSigned(doc, 'dana', mallory.signing(ROOM), undefined, at(5))
    const trust = await checkCaseTrust(doc, pins)
    expect(trust.members.dana).toMatchObject({
      state: 'changed',
      fingerprint: keyFingerprint(danaKey.publicKey),
    })
    expect(trust.approval).toMatchObject({ verified: false, problem: 'key-changed' })
  })

  it('marks a timeline event whose signature does not hold as unverified', async () => {
    const pins = pinnedNow()
    await escalateSigned(doc, 'omar', { acknowledgeGaps: true }, omarKey.signing(ROOM), at(7))
    const forged = logEvent(
      doc,
      'dana',
      'handoff',
      'Dana handed the case off to Omar.',
      { to: 'omar', gaps: [] },
      { now: at(8) },
    )
    const trust = await checkCaseTrust(doc, pins)
    expect(trust.unverifiedEvents).toEqual({ [forged]: 'unsigned' })
  })
})

describe('ownership by verified hand-overs', () => {
  it('keeps the last verified owner when a peer sets meta.ownerId to itself', async () => {
    const pins = pinnedNow()
    metaMap(doc).set('ownerId', 'omar')
    const trust = await checkCaseTrust(doc, pins)
    expect(trust.owner).toEqual({ verified: 'dana', claimed: 'omar', forged: true })
  })

  it('moves ownership on a signed offer and a signed acceptance', async () => {
    const pins = pinnedNow()
    await offerOwnershipSigned(doc, 'dana', 'omar', danaKey.signing(ROOM), at(10))
    await acceptOwnershipSigned(doc, 'omar', omarKey.signing(ROOM), at(11))
    const trust = await checkCaseTrust(doc, pins)
    expect(trust.owner).toEqual({ verified: 'omar', claimed: 'omar', forged: false })
  })

  it('does not count an approval the forged owner signs with their own key', async () => {
    const pins = pinnedNow()
    metaMap(doc).set('ownerId', 'omar')
    await approveSigned(doc, 'omar', omarKey.signing(ROOM), undefined, at(12))
    const trust = await checkCaseTrust(doc, pins)
    expect(trust.approval).toMatchObject({
      approvedBy: 'omar',
      verified: false,
      problem: 'not-owner',
    })
    const approved = listActions(doc).find((entry) => entry.kind === 'approved')
    expect(trust.unverifiedEvents[approved?.id ?? '']).toBe('not-owner')
  })
})

describe('the internal note', () => {
  it('lists who approved the reply with the fingerprint of their key', async () => {
    await approveSigned(doc, 'dana', danaKey.signing(ROOM), undefined, at(5))
    expect(caseNote(doc).text).toContain(
      `Approved by Dana Whitfield (key ${keyFingerprint(danaKey.publicKey)})`,
    )
  })
})
