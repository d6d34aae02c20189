/**
 * Presence in a sparse mesh: Omar and Priya sit in two offices whose NATs never let them
 * connect to each other directly (no STUN/TURN server), while Dana, on the public network,
 * connects to both. Priya still sees Omar, through Dana, and keeps seeing him while her own
 * attempts to reach him fail; when Omar's app is killed he leaves both bars within seconds.
 * Built in network namespaces (`test/fixtures/nat/small-internet.ts`); needs root, and fails
 * rather than skips without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateRoomId, generateRoomKey } from '../../../src/shared/room/room-key'
import {
  startSignalingIn,
  type NamespacedSignaling,
} from '../../fixtures/nat/signaling-in-namespace'
import {
  buildSmallInternet,
  PUBLIC_ADDRESS,
  type SmallInternet,
} from '../../fixtures/nat/small-internet'
import { RoomPeer } from '../../fixtures/room-peer/room-peer'

let internet: SmallInternet | undefined
let signaling: NamespacedSignaling | undefined
let peers: RoomPeer[] = []

async function tearDown(): Promise<void> {
  await Promise.all(peers.map((peer) => peer.stop()))
  peers = []
  await signaling?.stop()
  await internet?.remove()
  signaling = internet = undefined
}

beforeAll(async () => {
  try {
    internet = await buildSmallInternet()
    signaling = await startSignalingIn(internet.public, PUBLIC_ADDRESS)
  } catch (error) {
    await tearDown()
    throw error
  }
}, 45_000)

afterAll(tearDown, 30_000)

async function teammate(name: string, netns: string): Promise<RoomPeer> {
  const peer = await RoomPeer.start(name, { netns })
  peers.push(peer)
  return peer
}

describe('presence when two teammates reach each other only through a third', () => {
  it('shows the teammate reached through another, and drops them within seconds once killed', async () => {
    if (!internet || !signaling) throw new Error('the small internet was not built')
    const room = {
      roomId: generateRoomId(),
      key: generateRoomKey(),
      signalingUrls: [signaling.url],
    }
    const dana = await teammate('dana (public)', internet.public)
    const omar = await teammate('omar (office A)', internet.offices.a)
    const priya = await teammate('priya (office B)', internet.offices.b)
    const names = new Map([
      [dana, 'Dana Whitfield'],
      [omar, 'Omar Haddad'],
      [priya, 'Priya Raman'],
    ])
    for (const [peer, name] of names) {
      await peer.call('join', room)
      await peer.call('setPresence', { memberId: name, name })
    }

    await dana.call('waitForPeers', { peers: 2 })
    await expect
      .poll(async () => (await priya.call('presence')).names, { timeout: 30_000 })
      .toEqual(['Dana Whitfield', 'Omar Haddad'])
    // Priya's own connection to Omar is given up as unreachable, and Omar stays in her bar.
    await expect
      .poll(async () => (await priya.call('status')).unreachable, { timeout: 30_000 })
      .toBeGreaterThan(0)
    expect(await priya.call('presence')).toMatchObject({
      names: ['Dana Whitfield', 'Omar Haddad'],
      status: '1 connected',
    })
    expect((await priya.call('status')).peers).toBe(1)

    await omar.kill()

    await expect
      .poll(async () => (await priya.call('presence')).names, { timeout: 5000 })
      .toEqual(['Dana Whitfield'])
    await expect
      .poll(async () => (await dana.call('presence')).names, { timeout: 5000 })
      .toEqual(['Priya Raman'])
    expect((await dana.call('presence')).status).toBe('1 connected')
  }, 120_000)
})
