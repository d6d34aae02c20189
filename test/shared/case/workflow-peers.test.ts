/**
 * The swarm workflow between two teammates' apps over real WebRTC: each peer is a process of
 * its own running the app's RoomConnection (@roamhq/wrtc) through the embedded signaling
 * server on loopback, and takes workflow steps with the same functions the app's buttons call.
 */
import { describe, expect, it } from 'vitest'
import type { RoomPeer } from '../../fixtures/room-peer/room-peer'
import { settle } from '../../fixtures/room-peer/settle'
import { useRoomPeers } from '../../fixtures/room-peer/use-room-peers'

const peers = useRoomPeers()

/** Dana's and Omar's apps in one room: Dana created the case, Omar has opened it. */
async function danaAndOmar(): Promise<{ dana: RoomPeer; omar: RoomPeer }> {
  const [dana, omar] = await peers.start(2, peers.newRoom(), ['dana', 'omar'])
  if (!dana || !omar) throw new Error('a peer did not start')
  await dana.call('createCase', { title: 'Acme: double charges', memberId: 'dana' })
  await Promise.all([dana, omar].map((peer) => peer.call('waitForPeers', { peers: 1 })))
  await settle([dana, omar])
  await omar.call('workflow', { action: 'joinCase', actor: 'omar', args: ['Omar'] })
  await dana.call('watchApproval', { memberId: 'dana' })
  await omar.call('watchApproval', { memberId: 'omar' })
  await settle([dana, omar])
  return { dana, omar }
}

function kinds(events: readonly { kind: string }[]): string[] {
  return events.map((event) => event.kind)
}

describe('the swarm workflow between two peers', () => {
  it('moves ownership only when the offered teammate accepts, logged on both', async () => {
    const { dana, omar } = await danaAndOmar()
    await dana.call('workflow', { action: 'offerOwnership', actor: 'dana', args: ['omar'] })
    await settle([dana, omar])
    expect(await omar.call('workflowState')).toMatchObject({ ownerId: 'dana', offerTo: 'omar' })

    await omar.call('workflow', { action: 'acceptOwnership', actor: 'omar' })
    await settle([dana, omar])
    const [onDana, onOmar] = await Promise.all([
      dana.call('workflowState'),
      omar.call('workflowState'),
    ])
    expect(onDana).toEqual(onOmar)
    expect(onDana).toMatchObject({
      ownerId: 'omar',
      offerTo: null,
      roles: { dana: 'contributor', omar: 'owner' },
    })
    const handOver = onDana.events.filter((event) => event.kind.startsWith('ownership-'))
    expect(handOver).toMatchObject([
      { kind: 'ownership-offered', author: 'dana' },
      { kind: 'ownership-accepted', author: 'omar' },
    ])
    await expect(
      dana.call('workflow', { action: 'offerOwnership', actor: 'dana', args: ['omar'] }),
    ).rejects.toThrow('Only the case owner can offer the case to someone else.')
  }, 60_000)

  it('withdraws the approval on both when an edit made offline lands after it', async () => {
    const { dana, omar } = await danaAndOmar()
    const draft = 'We are refunding the duplicate charge this week.'
    await omar.call('workflow', { action: 'writeCustomerUpdate', actor: 'omar', args: [draft] })
    await omar.call('workflow', { action: 'requestReview', actor: 'omar' })
    const suggestion = await omar.call('workflow', {
      action: 'suggestChange',
      actor: 'omar',
      args: ['this week', 'today'],
    })
    await settle([dana, omar])
    expect((await dana.call('workflowState')).approval.state).toBe('review-requested')
    await dana.call('workflow', { action: 'acceptSuggestion', actor: 'dana', args: [suggestion] })
    await settle([dana, omar])

    // Omar keeps editing on a train while Dana approves what she saw.
    await omar.call('offline')
    await dana.call('workflow', { action: 'approve', actor: 'dana' })
    await omar.call('workflow', {
      action: 'typeInCustomerUpdate',
      actor: 'omar',
      args: [' Sorry for the trouble.'],
    })
    expect((await dana.call('workflowState')).approval).toMatchObject({ valid: true })
    await omar.call('online')
    await Promise.all([dana, omar].map((peer) => peer.call('waitForPeers', { peers: 1 })))
    await settle([dana, omar])

    const [onDana, onOmar] = await Promise.all([
      dana.call('workflowState'),
      omar.call('workflowState'),
    ])
    expect(onDana).toEqual(onOmar)
    expect(onDana.customerUpdate).toBe(
      'We are refunding the duplicate charge today. Sorry for the trouble.',
    )
    expect(onDana.approval).toEqual({
      state: 'draft',
      valid: false,
      withdrawn: true,
      approvedBy: 'dana',
    })
    expect(kinds(onDana.events).filter((kind) => kind === 'approval-withdrawn')).toHaveLength(1)
    expect(kinds(onDana.events).slice(-3)).toEqual([
      'review-requested',
      'approved',
      'approval-withdrawn',
    ])

    await dana.call('workflow', { action: 'approve', actor: 'dana' })
    await dana.call('workflow', { action: 'markSent', actor: 'dana' })
    await settle([dana, omar])
    const sent = await omar.call('workflowState')
    expect(sent.sentUpdates).toEqual([onDana.customerUpdate])
    expect(sent.approval).toMatchObject({ state: 'draft', withdrawn: false })
    expect(kinds(sent.events).filter((kind) => kind === 'approval-withdrawn')).toHaveLength(1)
  }, 90_000)
})
