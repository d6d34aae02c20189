/**
 * Peers say in their awareness `mesh` field which chunk format they read, and a message too
 * large for one data-channel message goes in chunks only to those that said so: a teammate
 * whose presence has not arrived yet, like a stock y-webrtc client, gets Yjs messages it can
 * read. Real data channels (@roamhq/wrtc); the room around them is a plain object, as y-webrtc
 * would hold it, so the test can say which connection leads to whom.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import { appendParagraphs } from '../../../src/shared/case/rich-text'
import { Mesh } from '../../../src/shared/room/mesh'
import { installPeerMessagePatches, isChunk } from '../../../src/shared/room/peer-messages'
import { connectDataChannelPair, type DataChannelPair } from '../../fixtures/data-channel-pair'

let opened: DataChannelPair[] = []
beforeAll(() => installPeerMessagePatches())
afterEach(() => {
  for (const pair of opened) pair.close()
  opened = []
})

function syncStep2Of(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep2(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** Sends `message` on `pair` and resolves to what went over the wire once all of it is in. */
async function sendAndWait(pair: DataChannelPair, message: Uint8Array): Promise<Uint8Array[]> {
  pair.wire.length = 0
  pair.delivered.length = 0
  pair.sender.send(message)
  await expect
    .poll(() => pair.delivered.at(-1)?.[1], { timeout: 20_000 })
    .toBe(syncProtocol.messageYjsSyncStep2)
  return [...pair.wire]
}

describe('chunks and what peers announce', () => {
  it('sends chunks only to a teammate whose presence says it reads them', async () => {
    const doc = new Y.Doc({ gc: false })
    for (let index = 0; index < 60; index += 1) {
      appendParagraphs(doc.getXmlFragment('history'), [`Gateway log ${index}. `.repeat(400)])
    }
    const message = syncStep2Of(doc)
    expect(message.byteLength).toBeGreaterThan(256 * 1024)
    const teammate = await connectDataChannelPair()
    const stock = await connectDataChannelPair()
    opened = [teammate, stock]
    const webrtcConns = new Map([
      ['teammate', { peer: teammate.sender, connected: true }],
      ['stock-client', { peer: stock.sender, connected: true }],
    ])
    const provider = { room: { peerId: 'me', webrtcConns } } as unknown as WebrtcProvider
    const awareness = new Awareness(doc)
    const mesh = new Mesh(doc, awareness, provider)
    mesh.refresh()

    expect(awareness.getLocalState()?.['mesh']).toEqual({
      peerId: 'me',
      connected: ['stock-client', 'teammate'],
      chunks: 1,
    })
    // Before the teammate's presence arrives it counts as stock.
    expect((await sendAndWait(teammate, message)).some(isChunk)).toBe(false)

    const theirs = new Awareness(new Y.Doc())
    theirs.setLocalStateField('mesh', { peerId: 'teammate', connected: ['me'], chunks: 1 })
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'peer')

    expect((await sendAndWait(teammate, message)).every(isChunk)).toBe(true)
    expect((await sendAndWait(stock, message)).some(isChunk)).toBe(false)
    mesh.stop()
    awareness.destroy()
    theirs.destroy()
  }, 60_000)
})
