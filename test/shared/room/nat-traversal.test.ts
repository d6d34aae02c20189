/**
 * Teammates in two offices, each behind its own NAT router, sharing one case: the bug this
 * guards is a swarm that works on one LAN and silently never connects across offices. A small
 * internet is built in network namespaces (`test/fixtures/nat/small-internet.ts`): the team's
 * signaling server and coturn on a "public" network, each teammate's app (a real room peer
 * over @roamhq/wrtc) in its own office. Needs root; it fails, rather than skips, without it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { generateRoomId, generateRoomKey } from '../../../src/shared/room/room-key'
import type { IceServer } from '../../../src/shared/room/room-connection'
import { describeRoute, type RoomStatus } from '../../../src/shared/room/room-status'
import { startCoturn, TURN_CREDENTIAL, TURN_USER, type Coturn } from '../../fixtures/nat/coturn'
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
import { settle } from '../../fixtures/room-peer/settle'

let internet: SmallInternet | undefined
let coturn: Coturn | undefined
let signaling: NamespacedSignaling | undefined
let peers: RoomPeer[] = []

async function tearDown(): Promise<void> {
  await Promise.all(peers.map((peer) => peer.stop()))
  peers = []
  await signaling?.stop()
  await coturn?.stop()
  await internet?.remove()
  signaling = coturn = internet = undefined
}

beforeAll(async () => {
  try {
    internet = await buildSmallInternet()
    coturn = await startCoturn(internet.public, PUBLIC_ADDRESS)
    signaling = await startSignalingIn(internet.public, PUBLIC_ADDRESS)
  } catch (error) {
    await tearDown()
    throw error
  }
}, 45_000)

afterAll(tearDown, 30_000)

afterEach(async () => {
  await Promise.all(peers.map((peer) => peer.stop()))
  peers = []
})

function ready(): { internet: SmallInternet; coturn: Coturn; signaling: NamespacedSignaling } {
  if (!internet || !coturn || !signaling) throw new Error('the small internet was not built')
  return { internet, coturn, signaling }
}

/** Dana in office A opens a case, Priya in office B joins its room with the same servers. */
async function twoOffices(iceServers: IceServer[]): Promise<[RoomPeer, RoomPeer]> {
  const { internet, signaling } = ready()
  const room = {
    roomId: generateRoomId(),
    key: generateRoomKey(),
    signalingUrls: [signaling.url],
    iceServers,
  }
  const dana = await RoomPeer.start('dana (office A)', { netns: internet.offices.a })
  peers.push(dana)
  const priya = await RoomPeer.start('priya (office B)', { netns: internet.offices.b })
  peers.push(priya)
  await dana.call('createCase', { title: 'Acme: checkout fails', memberId: 'dana' })
  await Promise.all([dana.call('join', room), priya.call('join', room)])
  return [dana, priya]
}

/** Polls a peer's status until `wanted` holds, for at most `timeoutMs`. */
async function statusWhen(
  peer: RoomPeer,
  wanted: (status: RoomStatus) => boolean,
  timeoutMs: number,
): Promise<RoomStatus> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const status = await peer.call('status')
    if (wanted(status)) return status
    if (Date.now() > until) {
      throw new Error(`${peer.name} never got there; last status ${JSON.stringify(status)}`)
    }
    await new Promise((done) => setTimeout(done, 200))
  }
}

async function editsArriveBothWays(dana: RoomPeer, priya: RoomPeer): Promise<void> {
  await priya.call('appendParagraph', { section: 'impact', text: 'Seen from office B' })
  await dana.call('appendParagraph', { section: 'impact', text: 'Seen from office A' })
  await settle([dana, priya])
  for (const peer of [dana, priya]) {
    const impact = await peer.call('sectionText', { section: 'impact' })
    expect(impact).toContain('Seen from office A')
    expect(impact).toContain('Seen from office B')
  }
  const [a, b] = await Promise.all([dana.call('state'), priya.call('state')])
  expect(b.content).toEqual(a.content)
}

/** Dana and Priya, given the team's STUN and TURN servers, connect through TURN and sync. */
async function syncsThroughTurn(transport: 'udp' | 'tcp'): Promise<void> {
  const { coturn } = ready()
  const [dana, priya] = await twoOffices([
    { urls: `stun:${coturn.address}` },
    {
      urls: `turn:${coturn.address}?transport=${transport}`,
      username: TURN_USER,
      credential: TURN_CREDENTIAL,
    },
  ])
  for (const peer of [dana, priya]) {
    // A TURN allocation and its checks can outlast the first tries of a stuck connection's
    // retry (3 to 6 s, then doubling) on a busy machine: a connection can take a minute.
    const status = await statusWhen(peer, (s) => s.peers === 1 && s.route === 'turn', 90_000)
    expect(describeRoute(status)).toBe("Connected through the team's TURN server")
  }
  await editsArriveBothWays(dana, priya)
}

describe('teammates in two offices behind NAT', () => {
  it("syncs a case directly, through both NATs, with the team's STUN server", async () => {
    const { coturn } = ready()
    const [dana, priya] = await twoOffices([{ urls: `stun:${coturn.address}` }])

    for (const peer of [dana, priya]) {
      const status = await statusWhen(peer, (s) => s.peers === 1 && s.route === 'direct', 20_000)
      expect(describeRoute(status)).toBe('Connected directly')
    }
    await editsArriveBothWays(dana, priya)
  }, 40_000)

  it("syncs through the team's TURN server over TCP when one office lets no UDP out", async () => {
    const { internet } = ready()
    await internet.allowOnlyTcpToPublicFromOfficeA()
    try {
      await syncsThroughTurn('tcp')
    } finally {
      await internet.unblock()
    }
  }, 120_000)

  it("syncs through the team's TURN server when the offices' firewalls drop UDP between them", async () => {
    const { internet } = ready()
    await internet.blockUdpBetweenOffices()
    try {
      await syncsThroughTurn('udp')
    } finally {
      await internet.unblock()
    }
  }, 120_000)

  it('says a teammate cannot be reached when no STUN/TURN server is set', async () => {
    const [dana, priya] = await twoOffices([])

    for (const peer of [dana, priya]) {
      const status = await statusWhen(peer, (s) => s.unreachable > 0, 20_000)
      expect(status).toMatchObject({ state: 'connected', peers: 0, route: 'offline' })
      expect(describeRoute(status)).toContain('cannot be reached from this network')
    }
    expect(await priya.call('sectionText', { section: 'impact' })).toBe('')
  }, 40_000)
})
