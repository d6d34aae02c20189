/**
 * Live rooms over real WebRTC: every peer is a separate process running the app's
 * RoomConnection with @roamhq/wrtc, finding the others through the embedded signaling server
 * on loopback, with the room key encrypting all signaling.
 */
import { fromBase64, toBase64 } from 'lib0/buffer'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  startSignalingServer,
  type SignalingServer,
} from '../../../src/main/services/signaling-server'
import { generateRoomId, generateRoomKey } from '../../../src/shared/room/room-key'
import { loadConcurrentTrace, planReplay } from '../../fixtures/concurrent-trace'
import { RoomPeer } from '../../fixtures/room-peer/room-peer'
import type { JoinParams } from '../../fixtures/room-peer/protocol'

let server: SignalingServer
let peers: RoomPeer[] = []

beforeEach(async () => {
  server = await startSignalingServer()
})

afterEach(async () => {
  await Promise.all(peers.map((peer) => peer.stop()))
  peers = []
  await server.close()
})

async function startPeers(count: number, room: JoinParams): Promise<RoomPeer[]> {
  const started = await Promise.all(
    Array.from({ length: count }, (_, index) => RoomPeer.start(`peer ${index + 1}`)),
  )
  peers.push(...started)
  await Promise.all(started.map((peer) => peer.call('join', room)))
  return started
}

function newRoom(): JoinParams {
  return { roomId: generateRoomId(), key: generateRoomKey(), signalingUrls: [server.url] }
}

/** Waits until every peer holds everything any peer holds, then returns their contents. */
async function converge(group: RoomPeer[]): Promise<unknown[]> {
  const states = await Promise.all(group.map((peer) => peer.call('state')))
  const union = Y.encodeStateVectorFromUpdate(
    Y.mergeUpdates(states.map((state) => fromBase64(state.update))),
  )
  await Promise.all(
    group.map((peer) => peer.call('waitForState', { stateVector: toBase64(union) })),
  )
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
