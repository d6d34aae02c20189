/**
 * A forged decision must not get a reply to a customer. Each test writes what a hostile peer
 * holding the room key could write into the owner's case, then exports through main's real
 * export service to a fake Zendesk on loopback: the reply is refused in words the owner can act
 * on, and nothing reaches the ticket.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { approvalMap, approvalStatus } from '../../../../src/shared/case/approval'
import { metaMap } from '../../../../src/shared/case/case-doc'
import { joinCase, membersMap } from '../../../../src/shared/case/members'
import { approveSigned } from '../../../../src/shared/case/signatures/signed-decisions'
import { ExportBench } from '../../../fixtures/export-bench'
import { ZendeskServer } from '../../../fixtures/help-desks/zendesk-server'
import { useTempFolder } from '../../../fixtures/temp-folder'
import { newDevice } from '../../../shared/case/signatures/device-signer'

const REPLY = 'Hi Maria, the duplicate charges are reversed and exports work again.'
const tempFolder = useTempFolder()
let bench: ExportBench
let zendesk: ZendeskServer
let roomId: string

beforeEach(async () => {
  zendesk = await new ZendeskServer().listen()
  bench = await ExportBench.start(tempFolder())
  roomId = await bench.createCase()
  await bench.writeSection(roomId, 'customerUpdate', REPLY)
  await bench.services.connections.add({
    kind: 'zendesk',
    label: 'Acme Zendesk',
    config: { baseUrl: zendesk.url, email: zendesk.email },
    secret: zendesk.token,
  })
  const linked = await bench.services.tickets.link(roomId, `${zendesk.url}/agent/tickets/48213`)
  expect(linked.state).toBe('linked')
  // Opening the room pins Dana's key on this computer, as the app does on first sight.
  await bench.services.exports.preview(roomId)
})

afterEach(async () => {
  await bench.stop()
  await zendesk.close()
})

async function exportReply(): Promise<unknown> {
  const { hash } = await bench.services.exports.preview(roomId)
  return bench.services.exports.send({ roomId, parts: 'reply', previewHash: hash })
}

async function mallorySetsApproval(values: Record<string, string>): Promise<void> {
  await bench.edit(roomId, (doc) => {
    doc.transact(() => {
      for (const [key, value] of Object.entries(values)) approvalMap(doc).set(key, value)
    })
  })
}

describe('exporting a reply whose approval is forged', () => {
  it('refuses an approval set to valid for text the owner never approved', async () => {
    const hash = approvalStatus(bench.liveCase(roomId)).currentHash
    await mallorySetsApproval({
      state: 'approved',
      approvedBy: bench.memberId,
      approvedAt: new Date().toISOString(),
      contentHash: hash,
    })
    expect(approvalStatus(bench.liveCase(roomId)).valid).toBe(true)
    const preview = await bench.services.exports.preview(roomId)
    expect(preview.reply.approval.valid).toBe(false)
    expect(await exportReply()).toEqual({
      state: 'needs-override',
      message:
        'The approval of this reply could not be verified: it is not signed by Dana Whitfield’s ' +
        'key. Approve it again. Or confirm that you want to post it to the customer anyway; the ' +
        'override is logged in the case.',
    })
    expect(zendesk.posted).toEqual([])
  })

  it('refuses a signature replayed onto text that changed since', async () => {
    await bench.approveUpdate(roomId)
    await bench.writeSection(roomId, 'customerUpdate', 'Hi Maria, we will refund you twice.')
    await mallorySetsApproval({ contentHash: approvalStatus(bench.liveCase(roomId)).currentHash })
    expect(await exportReply()).toMatchObject({
      state: 'needs-override',
      message: expect.stringMatching(/^The approval of this reply could not be verified/),
    })
    expect(zendesk.posted).toEqual([])
  })

  it('refuses an approval signed by a key that replaced the pinned one', async () => {
    const mallory = await newDevice()
    await bench.edit(roomId, (doc) => {
      const entry = membersMap(doc).get(bench.memberId) as object
      membersMap(doc).set(bench.memberId, { ...entry, publicKey: mallory.publicKey })
    })
    const doc = bench.liveCase(roomId)
    const before = Y.encodeStateVector(doc)
    await approveSigned(doc, bench.memberId, mallory.signing(roomId))
    const update = Y.encodeStateAsUpdate(doc, before)
    await bench.services.handlers['room:append']({ roomId, update })
    expect(await exportReply()).toMatchObject({
      message: expect.stringMatching(/not signed by Dana Whitfield’s key/),
    })
    expect(zendesk.posted).toEqual([])
  })

  it('keeps the real owner exporting when a peer sets meta.ownerId to itself, and refuses its approval', async () => {
    const mallory = await newDevice()
    await bench.edit(roomId, (doc) => {
      joinCase(
        doc,
        { memberId: 'mallory', name: 'Mallory', color: '#111111', publicKey: mallory.publicKey },
        'contributor',
      )
      metaMap(doc).set('ownerId', 'mallory')
    })
    const doc = bench.liveCase(roomId)
    const before = Y.encodeStateVector(doc)
    await approveSigned(doc, 'mallory', mallory.signing(roomId))
    await bench.services.handlers['room:append']({
      roomId,
      update: Y.encodeStateAsUpdate(doc, before),
    })

    const preview = await bench.services.exports.preview(roomId)
    expect(preview.problems).toEqual([])
    expect(await exportReply()).toMatchObject({
      message:
        'The approval of this reply could not be verified: Mallory did not own the case when ' +
        'it was approved. Approve it again. Or confirm that you want to post it to the customer ' +
        'anyway; the override is logged in the case.',
    })
    expect(zendesk.posted).toEqual([])
    // The real owner can still move the case to a new key, and the copy names them owner.
    const moved = await bench.services.keyRotation.rotate(roomId)
    const copy = new Y.Doc({ gc: false })
    Y.applyUpdate(copy, bench.services.rooms.state(moved.roomId))
    expect(metaMap(copy).get('ownerId')).toBe(bench.memberId)
  })

  it('posts the reply the owner approved with their own key', async () => {
    await bench.approveUpdate(roomId)
    expect(await exportReply()).toMatchObject({ state: 'queued' })
    await bench.services.exports.whenIdle()
    expect(zendesk.posted.map((post) => post.public)).toEqual([true])
  })
})
