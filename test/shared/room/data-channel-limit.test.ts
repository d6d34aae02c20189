/**
 * What a WebRTC data channel does with a large message, measured rather than assumed: the
 * limit data-channel-limit.ts holds every peer to, and why nothing larger may be sent whole.
 * Two simple-peer connections over @roamhq/wrtc (libwebrtc, as in Chromium), in one process.
 */
import Peer from 'simple-peer/simplepeer.min.js'
import { afterEach, describe, expect, it } from 'vitest'
import { DATA_CHANNEL_LIMIT, messageLimitOf } from '../../../src/shared/room/data-channel-limit'
import { testPeerOptions } from '../../fixtures/node-webrtc'

type SimplePeer = InstanceType<typeof Peer>
/** simple-peer's `signal`, which the declaration for Swarmroom's patches leaves out. */
interface Signalling {
  signal(data: unknown): void
}
let opened: SimplePeer[] = []

afterEach(() => {
  for (const peer of opened) peer.destroy()
  opened = []
})

async function connectedPair(): Promise<{ sender: SimplePeer; receiver: SimplePeer }> {
  const sender = new Peer({ initiator: true, ...testPeerOptions })
  const receiver = new Peer(testPeerOptions)
  opened = [sender, receiver]
  sender.on('signal', (signal: never) => (receiver as unknown as Signalling).signal(signal))
  receiver.on('signal', (signal: never) => (sender as unknown as Signalling).signal(signal))
  await Promise.all(opened.map((peer) => new Promise((done) => peer.on('connect', done))))
  return { sender, receiver }
}

function received(peer: SimplePeer): number[] {
  const sizes: number[] = []
  peer.on('data', (data: Uint8Array) => sizes.push(data.byteLength))
  return sizes
}

const closed = (peer: SimplePeer): Promise<unknown> => new Promise((done) => peer.on('close', done))

describe('a data channel between two @roamhq/wrtc peers', () => {
  it('announces 256 KiB as its largest message and carries messages that size whole', async () => {
    const { sender, receiver } = await connectedPair()
    const sizes = received(receiver)
    expect(messageLimitOf(sender)).toBe(DATA_CHANNEL_LIMIT)

    for (const size of [16 * 1024 + 1, 64 * 1024, DATA_CHANNEL_LIMIT]) {
      sender.send(new Uint8Array(size).fill(7))
    }
    sender.send(Uint8Array.from([1]))

    await expect.poll(() => sizes.at(-1), { timeout: 20_000 }).toBe(1)
    expect(sizes).toEqual([16 * 1024 + 1, 64 * 1024, DATA_CHANNEL_LIMIT, 1])
  }, 30_000)

  it('closes on both sides, delivering nothing, for a message one byte larger', async () => {
    const { sender, receiver } = await connectedPair()
    const sizes = received(receiver)
    const bothClosed = Promise.all([closed(sender), closed(receiver)])

    sender.send(new Uint8Array(DATA_CHANNEL_LIMIT + 1).fill(7))

    await bothClosed
    expect(sizes).toEqual([])
  }, 30_000)
})
