/**
 * Presence is honest: a teammate who closes the app, or whose app is killed or loses the
 * network, leaves everyone else's presence bar within seconds, and the count beside it never
 * says more people than the bar shows. Before, a killed teammate stayed for 20 to 45 seconds:
 * WebRTC takes about 17 s to close a connection nobody answers on, and awareness states
 * linger 30 s more. Every peer is a process of its own with real WebRTC and real signaling.
 */
import { describe, expect, it } from 'vitest'
import type { RoomPeer } from '../../fixtures/room-peer/room-peer'
import { useRoomPeers } from '../../fixtures/room-peer/use-room-peers'

const peers = useRoomPeers()
const NAMES = ['Dana Whitfield', 'Omar Haddad', 'Priya Raman'] as const

/** Three teammates in one room, each showing the other two. */
async function threeTeammates(): Promise<[RoomPeer, RoomPeer, RoomPeer]> {
  const room = peers.newRoom()
  const group = await peers.start(3, room, NAMES)
  await Promise.all(
    group.map((peer, index) =>
      peer.call('setPresence', { memberId: `member-${index}`, name: NAMES[index] ?? '' }),
    ),
  )
  // Every pair connected directly (two announcing at once can take a few retries).
  await Promise.all(group.map((peer) => peer.call('waitForPeers', { peers: 2 })))
  for (const peer of group) {
    await expect.poll(async () => (await peer.call('presence')).status).toBe('2 connected')
  }
  const [dana, omar, priya] = group
  if (!dana || !omar || !priya) throw new Error('three peers were started')
  return [dana, omar, priya]
}

/** Who a teammate's presence bar shows, its status line, and the connections behind it. */
async function seenBy(peer: RoomPeer): Promise<{ names: string[]; status: string; peers: number }> {
  const [presence, status] = await Promise.all([peer.call('presence'), peer.call('status')])
  return { names: presence.names, status: presence.status, peers: status.peers }
}

describe('presence in a live room', () => {
  it('drops a teammate who closes the app from the others within seconds', async () => {
    const [dana, omar, priya] = await threeTeammates()

    await omar.stop()

    for (const peer of [dana, priya]) {
      await expect
        .poll(() => seenBy(peer), { timeout: 5000 })
        .toMatchObject({
          names: [peer === dana ? 'Priya Raman' : 'Dana Whitfield'],
          status: '1 connected',
          peers: 1,
        })
    }
  }, 120_000)

  it('drops a teammate whose app is killed, with no goodbye, within seconds', async () => {
    const [dana, omar, priya] = await threeTeammates()

    await omar.kill()

    // What the bar shows: Omar gone and the count honest, from his silence alone. It takes a
    // few seconds (the liveness window); the wait is long so a loaded machine does not fail it.
    for (const peer of [dana, priya]) {
      await expect
        .poll(() => seenBy(peer), { timeout: 20_000 })
        .toMatchObject({
          names: [peer === dana ? 'Priya Raman' : 'Dana Whitfield'],
          status: '1 connected',
        })
    }
    // The connection to him closes too; on a loaded machine its silence takes a little longer
    // to be noticed than his presence, which the count already leaves out.
    for (const peer of [dana, priya]) {
      await expect.poll(async () => (await seenBy(peer)).peers, { timeout: 20_000 }).toBe(1)
    }
    // Those who are still there stay: nobody was taken for gone along with the killed one.
    expect((await seenBy(dana)).names).toEqual(['Priya Raman'])
  }, 120_000)

  it('counts a teammate with two windows once', async () => {
    const room = peers.newRoom()
    const [dana, omarLaptop, omarDesktop] = await peers.start(3, room)
    await dana?.call('setPresence', { memberId: 'dana', name: 'Dana Whitfield' })
    await omarLaptop?.call('setPresence', { memberId: 'omar', name: 'Omar Haddad' })
    await omarDesktop?.call('setPresence', { memberId: 'omar', name: 'Omar Haddad' })
    if (!dana) throw new Error('three peers were started')

    await dana.call('waitForPeers', { peers: 2 })
    await expect.poll(async () => (await dana.call('presence')).names).toEqual(['Omar Haddad'])
    expect((await dana.call('presence')).status).toBe('1 connected')
  }, 120_000)
})
