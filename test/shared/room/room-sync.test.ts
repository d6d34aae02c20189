/**
 * Live rooms over real WebRTC: every peer is a separate process running the app's
 * RoomConnection with @roamhq/wrtc, finding the others through the embedded signaling server
 * on loopback, with the room key encrypting all signaling.
 */
import { toBase64 } from 'lib0/buffer'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { startSignalingServer } from '../../../src/main/services/signaling/signaling-server'
import { generateRoomKey } from '../../../src/shared/room/room-key'
import { loadConcurrentTrace, planReplay } from '../../fixtures/concurrent-trace'
import type { RoomPeer } from '../../fixtures/room-peer/room-peer'
import {
  UNAPPLIABLE_UPDATE,
  awarenessFloodMessage,
  bcPeerIdMessage,
  deeplyNestedMessage,
  syncUpdateMessage,
} from '../../fixtures/hostile-messages'
import { settle } from '../../fixtures/room-peer/settle'
import { useRoomPeers } from '../../fixtures/room-peer/use-room-peers'
import type { JoinParams } from '../../fixtures/room-peer/protocol'

const peers = useRoomPeers()
const startPeers = (count: number, room: JoinParams): Promise<RoomPeer[]> =>
  peers.start(count, room)
const newRoom = (): JoinParams => peers.newRoom()

/** Waits until every peer holds one document, then returns what each of them shows. */
async function converge(group: RoomPeer[]): Promise<unknown[]> {
  await settle(group)
  const settled = await Promise.all(group.map((peer) => peer.call('state')))
  return settled.map((state) => state.content)
}

describe('a live room over WebRTC', () => {
  it('brings five peers making random edits to every section and the timeline to one document', async () => {
    const room = newRoom()
    const group = await startPeers(5, room)
    await group[0]?.call('createCase', { title: 'Acme: double charges', memberId: 'member-1' })
    await Promise.all(group.map((peer) => peer.call('waitForPeers', { peers: 4 })))

    for (let round = 0; round < 3; round += 1) {
      await Promise.all(
        group.map((peer, index) =>
          peer.call('randomEdits', {
            seed: 1000 * round + index,
            count: 40,
            memberId: `member-${index + 1}`,
          }),
        ),
      )
    }

    const contents = await converge(group)
    for (const content of contents.slice(1)) expect(content).toEqual(contents[0])
    expect(JSON.stringify(contents[0])).toContain('Acme: double charges')
  }, 120_000)

  it('passes updates on through a peer when two others are not connected to each other', async () => {
    // Dana and Priya use different signaling servers and never meet; Omar uses both and is
    // the only path between them, so what they write must be passed on by him.
    const other = await startSignalingServer()
    try {
      const room = newRoom()
      const [dana] = await startPeers(1, room)
      const [omar] = await startPeers(1, { ...room, signalingUrls: [peers.server.url, other.url] })
      const [priya] = await startPeers(1, { ...room, signalingUrls: [other.url] })
      const group = [dana, omar, priya].filter((peer) => peer !== undefined)
      await dana?.call('createCase', { title: 'Sparse mesh', memberId: 'dana' })
      await omar?.call('waitForPeers', { peers: 2 })
      expect(await dana?.call('webrtcPeers')).toBe(1)
      expect(await priya?.call('webrtcPeers')).toBe(1)

      await Promise.all(
        group.map((peer, index) =>
          peer.call('randomEdits', { seed: 50 + index, count: 30, memberId: `member-${index}` }),
        ),
      )
      await priya?.call('appendParagraph', { section: 'impact', text: 'Priya, two hops away' })

      const contents = await converge(group)
      for (const content of contents.slice(1)) expect(content).toEqual(contents[0])
      expect(await dana?.call('sectionText', { section: 'impact' })).toContain(
        'Priya, two hops away',
      )
    } finally {
      await other.close()
    }
  }, 120_000)

  it('converges to the trace’s end when two peers replay a concurrent editing trace', async () => {
    const trace = loadConcurrentTrace('friendsforever.json.gz')
    const plan = planReplay(
      trace,
      (doc) => {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText()])
        doc.getXmlFragment('summary').insert(0, [paragraph])
      },
      (doc) => {
        const text = (doc.getXmlFragment('summary').get(0) as Y.XmlElement).get(0)
        if (!(text instanceof Y.XmlText)) throw new Error('the summary paragraph has no text')
        return text
      },
    )
    const group = await startPeers(2, newRoom())
    await Promise.all(group.map((peer) => peer.call('waitForPeers', { peers: 1 })))
    await group[0]?.call('applyUpdate', { update: toBase64(plan.baseUpdate) })

    await Promise.all(
      group.map((peer, agent) =>
        peer.call('replay', {
          updates: (plan.updatesByAgent[agent] ?? []).map((update) => toBase64(update)),
          requires: plan.requiresByAgent[agent] ?? [],
        }),
      ),
    )

    await converge(group)
    for (const peer of group) {
      expect(await peer.call('sectionText', { section: 'summary' })).toBe(trace.endContent)
    }
  }, 180_000)
})

describe('a live room keeps working through trouble', () => {
  it('keeps a peer with the wrong key out and shows no case text to the signaling server', async () => {
    const room = newRoom()
    const eavesdropper = await listenToTopic(room.roomId)
    const [dana, omar] = await startPeers(2, room)
    const [intruder] = await startPeers(1, { ...room, key: generateRoomKey() })
    await Promise.all([dana, omar].map((peer) => peer?.call('waitForPeers', { peers: 1 })))
    await dana?.call('appendParagraph', {
      section: 'summary',
      text: 'SECRET-REFUND-AMOUNT 4,210 EUR',
    })
    await converge([dana, omar].filter((peer) => peer !== undefined))
    // The intruder announced itself and received the others' encrypted offers meanwhile.
    await expect.poll(() => eavesdropper.messages.length).toBeGreaterThan(4)

    expect(await intruder?.call('sectionText', { section: 'summary' })).toBe('')
    expect((await intruder?.call('status'))?.peers).toBe(0)
    expect(await omar?.call('sectionText', { section: 'summary' })).toContain('SECRET-REFUND')
    for (const message of eavesdropper.messages) {
      expect(message).not.toContain('SECRET-REFUND')
      expect(message).not.toContain('"sdp"')
      const parsed = JSON.parse(message) as { type: string; data?: unknown }
      if (parsed.type === 'publish') expect(typeof parsed.data).toBe('string')
    }
    eavesdropper.close()
  }, 120_000)

  it('merges what both sides wrote while offline once they reconnect, in both directions', async () => {
    const group = await startPeers(2, newRoom())
    const [dana, omar] = group
    await group[0]?.call('createCase', { title: 'Offline merge', memberId: 'dana' })
    await Promise.all(group.map((peer) => peer.call('waitForPeers', { peers: 1 })))
    await converge(group)

    await dana?.call('offline')
    await dana?.call('appendParagraph', { section: 'impact', text: 'Dana, on the train' })
    await omar?.call('appendParagraph', { section: 'history', text: 'Omar, in the office' })
    await dana?.call('randomEdits', { seed: 7, count: 30, memberId: 'dana' })
    await omar?.call('randomEdits', { seed: 8, count: 30, memberId: 'omar' })
    expect(await omar?.call('sectionText', { section: 'impact' })).not.toContain(
      'Dana, on the train',
    )
    await dana?.call('online')

    const contents = await converge(group)
    expect(contents[1]).toEqual(contents[0])
    expect(await omar?.call('sectionText', { section: 'impact' })).toContain('Dana, on the train')
    expect(await dana?.call('sectionText', { section: 'history' })).toContain('Omar, in the office')
  }, 120_000)

  it('delivers a 1 MB paste to every peer (y-webrtc #42)', async () => {
    const group = await startPeers(3, newRoom())
    await Promise.all(group.map((peer) => peer.call('waitForPeers', { peers: 2 })))
    const paste = 'Stack trace line from the payment gateway log. '.repeat(22_000)
    expect(paste.length).toBeGreaterThan(1_000_000)

    await group[0]?.call('appendParagraph', { section: 'history', text: paste })

    await converge(group)
    for (const peer of group) {
      expect(await peer.call('sectionText', { section: 'history' })).toBe(paste)
    }
  }, 120_000)

  it('syncs both ways after a peer drops and rejoins (y-webrtc #24)', async () => {
    const group = await startPeers(2, newRoom())
    const [dana, omar] = group
    await Promise.all(group.map((peer) => peer.call('waitForPeers', { peers: 1 })))
    await dana?.call('appendParagraph', { section: 'summary', text: 'before the drop' })
    await converge(group)

    await dana?.call('offline')
    await dana?.call('online')
    await dana?.call('waitForPeers', { peers: 1 })
    await dana?.call('appendParagraph', { section: 'summary', text: 'Dana after rejoining' })
    await omar?.call('appendParagraph', { section: 'impact', text: 'Omar after Dana rejoined' })

    await expect
      .poll(() => omar?.call('sectionText', { section: 'summary' }), { timeout: 20_000 })
      .toContain('Dana after rejoining')
    await expect
      .poll(() => dana?.call('sectionText', { section: 'impact' }), { timeout: 20_000 })
      .toContain('Omar after Dana rejoined')
  }, 120_000)

  it('ignores a malformed update from a peer, says so, and keeps syncing with the others', async () => {
    const room = newRoom()
    const group = await startPeers(2, room)
    const [dana, omar] = group
    await Promise.all(group.map((peer) => peer.call('waitForPeers', { peers: 1 })))
    const [hostile] = await peers.start(1, undefined, ['hostile peer'])
    if (!hostile) throw new Error('the hostile peer did not start')

    // Both, so that Dana is sure to get the garbage, not only Omar.
    await hostile.call('joinBareAndSendGarbage', { room, peers: 2 })

    await expect
      .poll(async () => (await dana?.call('problems'))?.join(' '))
      .toContain('could not read')
    await omar?.call('appendParagraph', { section: 'summary', text: 'still in sync' })
    await expect
      .poll(() => dana?.call('sectionText', { section: 'summary' }), { timeout: 20_000 })
      .toContain('still in sync')
  }, 120_000)
})

describe('a live room refuses what a hostile peer holding the key sends', () => {
  /** Dana and Omar in a room, and a hostile app joined to it that sends `messages`. */
  async function hostileRoom(
    messages: Uint8Array[],
    options: { times?: number; marker?: string } = {},
  ): Promise<{ dana: RoomPeer; omar: RoomPeer }> {
    const room = newRoom()
    const [dana, omar] = await startPeers(2, room)
    if (!dana || !omar) throw new Error('the peers did not start')
    await Promise.all([dana, omar].map((peer) => peer.call('waitForPeers', { peers: 1 })))
    const [hostile] = await peers.start(1, undefined, ['hostile peer'])
    await hostile?.call('joinBareAndSend', {
      room,
      messages: messages.map((message) => toBase64(message)),
      // Both, so that Dana is sure to get what it sends.
      peers: 2,
      ...options,
    })
    return { dana, omar }
  }

  async function stillSyncing(dana: RoomPeer, omar: RoomPeer): Promise<void> {
    await omar.call('appendParagraph', { section: 'impact', text: 'still in sync' })
    await expect
      .poll(() => dana.call('sectionText', { section: 'impact' }), { timeout: 20_000 })
      .toContain('still in sync')
  }

  it('refuses an update nesting 2,000 elements before it reaches the case, and says so', async () => {
    const { dana, omar } = await hostileRoom([deeplyNestedMessage(2000)])
    await expect
      .poll(async () => (await dana.call('problems')).join(' '), { timeout: 20_000 })
      .toContain('nested far deeper')
    expect(await dana.call('sectionText', { section: 'summary' })).not.toContain('deep')
    await stillSyncing(dana, omar)
    expect(await omar.call('sectionText', { section: 'summary' })).not.toContain('deep')
  }, 120_000)

  it('refuses an update that decodes but throws while being applied, and says so', async () => {
    const { dana, omar } = await hostileRoom([syncUpdateMessage(UNAPPLIABLE_UPDATE)])
    await expect
      .poll(async () => (await dana.call('problems')).join(' '), { timeout: 20_000 })
      .toContain('could not read')
    await stillSyncing(dana, omar)
  }, 120_000)

  it('counts only real peers after 10,000 of y-webrtc’s BroadcastChannel peer messages', async () => {
    const flood = Array.from({ length: 100 }, (_, index) => bcPeerIdMessage(`fake-${index}`))
    const { dana } = await hostileRoom(flood, { times: 100, marker: 'after the flood' })
    // The data channel is ordered: once the marker arrived, so had the whole flood.
    await expect
      .poll(() => dana.call('sectionText', { section: 'summary' }), { timeout: 30_000 })
      .toContain('after the flood')
    expect((await dana.call('status')).peers).toBeLessThanOrEqual(2)
  }, 120_000)

  it('shows no flood of owners when a peer sends hundreds of presence states at once', async () => {
    const { dana, omar } = await hostileRoom([awarenessFloodMessage(2000)])
    await expect
      .poll(async () => (await dana.call('problems')).join(' '), { timeout: 20_000 })
      .toContain('presence information')
    expect((await dana.call('presence')).states).toBeLessThanOrEqual(3)
    await stillSyncing(dana, omar)
  }, 120_000)
})

/** A client of the signaling server that subscribes to a room and records what is published. */
async function listenToTopic(topic: string): Promise<{ messages: string[]; close: () => void }> {
  const socket = new WebSocket(peers.server.url)
  const messages: string[] = []
  await new Promise((done) => socket.once('open', done))
  socket.on('message', (data) => messages.push(String(data)))
  socket.send(JSON.stringify({ type: 'subscribe', topics: [topic] }))
  return { messages, close: () => socket.close() }
}
