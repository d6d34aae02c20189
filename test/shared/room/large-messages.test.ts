/**
 * What the patched simple-peer puts on a real data channel (@roamhq/wrtc) for a message too
 * large to go whole (y-webrtc #42): chunks to a peer that announced it reads them, ordinary
 * Yjs messages within 256 KiB to any other, stock y-webrtc included, and small ones unchanged.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { appendParagraphs } from '../../../src/shared/case/rich-text'
import { DATA_CHANNEL_LIMIT } from '../../../src/shared/room/data-channel-limit'
import {
  CHUNK_BYTES,
  installPeerMessagePatches,
  isChunk,
  setChunkReader,
  setUpdateTarget,
} from '../../../src/shared/room/peer-messages'
import { connectDataChannelPair, type DataChannelPair } from '../../fixtures/data-channel-pair'

let opened: DataChannelPair[] = []

beforeAll(() => installPeerMessagePatches())
afterEach(() => {
  for (const pair of opened) pair.close()
  opened = []
})

async function connectedPair(): Promise<DataChannelPair> {
  const pair = await connectDataChannelPair()
  opened.push(pair)
  return pair
}

/** A case of about 1 MB and its sync step 2 for an empty peer. */
function largeCase(): { doc: Y.Doc; message: Uint8Array } {
  const doc = new Y.Doc({ gc: false })
  for (let index = 0; index < 100; index += 1) {
    appendParagraphs(doc.getXmlFragment('history'), [`Gateway log ${index}. `.repeat(700)])
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep2(encoder, doc)
  return { doc, message: encoding.toUint8Array(encoder) }
}

/** Reads messages as y-webrtc does, into a new document. */
function received(messages: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: false })
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    decoding.readVarUint(decoder)
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'peer')
  }
  return doc
}

describe('a message too large for one data-channel message', () => {
  it('goes to a peer that reads chunks as chunks, joined again into the same message', async () => {
    const { doc, message } = largeCase()
    expect(message.byteLength).toBeGreaterThan(4 * DATA_CHANNEL_LIMIT)
    const { sender, wire, delivered } = await connectedPair()
    setUpdateTarget(sender, doc, 'room')
    setChunkReader(sender, () => true)

    sender.send(message)

    await expect.poll(() => delivered.length, { timeout: 20_000 }).toBe(1)
    // simple-peer hands over a Buffer; compared byte for byte, not element by element.
    expect(Buffer.compare(delivered[0] ?? new Uint8Array(), message)).toBe(0)
    expect(wire.length).toBe(Math.ceil(message.byteLength / CHUNK_BYTES))
    expect(wire.every((chunk) => isChunk(chunk))).toBe(true)
  }, 30_000)

  it('goes to a stock peer as Yjs messages within 256 KiB that add up to the case', async () => {
    const { doc, message } = largeCase()
    const { sender, wire, delivered } = await connectedPair()
    setUpdateTarget(sender, doc, 'room')
    setChunkReader(sender, () => false)

    sender.send(message)

    await expect
      .poll(() => delivered.at(-1)?.[1], { timeout: 20_000 })
      .toBe(syncProtocol.messageYjsSyncStep2)
    expect(wire.length).toBeGreaterThan(4)
    for (const piece of wire) {
      expect(isChunk(piece)).toBe(false)
      expect(piece.byteLength).toBeLessThanOrEqual(DATA_CHANNEL_LIMIT)
    }
    const copy = received(delivered)
    expect(copy.getXmlFragment('history').toString()).toBe(doc.getXmlFragment('history').toString())
  }, 30_000)

  it('goes whole to every peer when within 256 KiB, chunk reader or not', async () => {
    const doc = new Y.Doc({ gc: false })
    appendParagraphs(doc.getXmlFragment('impact'), ['Billing runs twice. '.repeat(2000)])
    const message = Uint8Array.from([0, 2, ...encodeLength(Y.encodeStateAsUpdate(doc))])
    expect(message.byteLength).toBeGreaterThan(CHUNK_BYTES)
    const { sender, wire, delivered } = await connectedPair()
    setUpdateTarget(sender, doc, 'room')
    setChunkReader(sender, () => true)

    sender.send(message)

    await expect.poll(() => delivered.length, { timeout: 20_000 }).toBe(1)
    expect(wire.map((piece) => Buffer.compare(piece, message))).toEqual([0])
  }, 30_000)
})

function encodeLength(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
