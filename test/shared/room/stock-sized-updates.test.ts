/**
 * A stock y-webrtc peer reads no chunks, and a data channel closes on a message over 256 KiB,
 * so a large case or paste goes to it as several ordinary Yjs messages. These tests read the
 * pieces the way y-webrtc does (y-protocols' readSyncMessage) and guard that they add up to the
 * same case; the real WebRTC run is in stock-client.test.ts.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { appendParagraphs } from '../../../src/shared/case/rich-text'
import { splitSyncMessage } from '../../../src/shared/room/stock-sized-updates'

const LIMIT = 64 * 1024

/** About 300 KB written by two members in turn, each building on what the other wrote. */
function largeCase(): Y.Doc {
  const doc = new Y.Doc({ gc: false })
  const teammate = new Y.Doc({ gc: false })
  for (let index = 0; index < 40; index += 1) {
    const writer = index % 2 === 0 ? doc : teammate
    const reader = writer === doc ? teammate : doc
    appendParagraphs(writer.getXmlFragment('summary'), [`Gateway log ${index}. `.repeat(500)])
    if (index % 4 === 0) writer.getText('notes').insert(0, `note ${index} `)
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(reader)))
  }
  const first = doc.getXmlFragment('summary').get(0) as Y.XmlElement
  first.delete(0, 1)
  return doc
}

function step2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  return encoding.toUint8Array(encoder)
}

/** Reads each message as y-webrtc does; returns the sync message types it saw. */
function receive(doc: Y.Doc, messages: readonly Uint8Array[]): number[] {
  return messages.map((message) => {
    const decoder = decoding.createDecoder(message)
    expect(decoding.readVarUint(decoder)).toBe(0)
    return syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'peer')
  })
}

describe('a large update for a stock y-webrtc peer', () => {
  it('becomes messages within the limit that give an empty peer the whole case', () => {
    const doc = largeCase()
    const message = step2(doc)
    expect(message.byteLength).toBeGreaterThan(3 * LIMIT)

    const pieces = splitSyncMessage(doc, message, LIMIT)
    if (!pieces) throw new Error('the message was not split')

    expect(pieces.length).toBeGreaterThan(3)
    for (const piece of pieces) expect(piece.byteLength).toBeLessThanOrEqual(LIMIT)
    const peer = new Y.Doc({ gc: false })
    const types = receive(peer, pieces)
    // Updates first, then the sync step 2 that tells y-webrtc the peer is synced.
    expect(types.at(-1)).toBe(syncProtocol.messageYjsSyncStep2)
    expect(new Set(types.slice(0, -1))).toEqual(new Set([syncProtocol.messageYjsUpdate]))
    expect(peer.getXmlFragment('summary').toString()).toBe(doc.getXmlFragment('summary').toString())
    expect(peer.getText('notes').toString()).toBe(doc.getText('notes').toString())
    expect(Y.encodeStateVector(peer)).toEqual(Y.encodeStateVector(doc))
    expect(peer.store.pendingStructs).toBeNull()
  })

  it('cuts one paste larger than the limit into pieces for a peer holding the rest', () => {
    const doc = largeCase()
    const peer = new Y.Doc({ gc: false })
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    const paste = 'Stack trace line from the payment gateway log. '.repeat(6000)
    let update: Uint8Array = new Uint8Array()
    doc.once('update', (bytes: Uint8Array) => (update = bytes))
    appendParagraphs(doc.getXmlFragment('history'), [paste])
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeUpdate(encoder, update)

    const pieces = splitSyncMessage(doc, encoding.toUint8Array(encoder), LIMIT)
    if (!pieces) throw new Error('the message was not split')

    for (const piece of pieces) expect(piece.byteLength).toBeLessThanOrEqual(LIMIT)
    expect(receive(peer, pieces).every((type) => type === syncProtocol.messageYjsUpdate)).toBe(true)
    expect(peer.getXmlFragment('history').toString()).toContain(paste)
    expect(Y.encodeStateVector(peer)).toEqual(Y.encodeStateVector(doc))
  })

  it('gives a peer that already holds part of the case only the rest, deletions included', () => {
    const doc = largeCase()
    const peer = new Y.Doc({ gc: false })
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    appendParagraphs(doc.getXmlFragment('impact'), ['Billing runs twice. '.repeat(8000)])
    const summary = doc.getXmlFragment('summary')
    summary.delete(0, 10)

    const message = step2(doc, Y.encodeStateVector(peer))
    const pieces = splitSyncMessage(doc, message, LIMIT)
    if (!pieces) throw new Error('the message was not split')

    receive(peer, pieces)
    expect(peer.getXmlFragment('impact').toString()).toBe(doc.getXmlFragment('impact').toString())
    expect(peer.getXmlFragment('summary').length).toBe(summary.length)
  })

  it('leaves alone what is not a document update, and a document that forgets', () => {
    const doc = largeCase()
    expect(splitSyncMessage(doc, Uint8Array.from([1, 5, 1, 2, 3, 4, 5]), LIMIT)).toBeUndefined()
    const forgetful = new Y.Doc()
    Y.applyUpdate(forgetful, Y.encodeStateAsUpdate(doc))
    expect(splitSyncMessage(forgetful, step2(forgetful), LIMIT)).toBeUndefined()
  })
})
