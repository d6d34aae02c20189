/**
 * y-webrtc #42: a Yjs message larger than a data channel's limit is dropped silently, so a big
 * paste never reaches the others. Messages are split into chunks and joined again; these
 * tests guard the framing (the 1 MB paste over real WebRTC is in room-sync.test.ts).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkPeerMessage } from '../../../src/shared/room/message-check'
import {
  CHUNK_BYTES,
  addChunk,
  isChunk,
  splitMessage,
} from '../../../src/shared/room/peer-messages'

function bytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => (index * 31 + 7) % 251)
}

describe('chunked peer messages', () => {
  it('joins the chunks of a large message back into the same bytes', () => {
    const message = bytes(5 * CHUNK_BYTES + 123)
    const chunks = splitMessage(message, 42)
    const owner = {}

    expect(chunks).toHaveLength(6)
    expect(chunks.every(isChunk)).toBe(true)
    const results = chunks.map((chunk) => addChunk(owner, chunk))

    expect(results.slice(0, -1)).toEqual([undefined, undefined, undefined, undefined, undefined])
    expect(results.at(-1)).toEqual(message)
  })

  it('never mistakes a y-webrtc message for a chunk', () => {
    expect(isChunk(Uint8Array.from([0, 2, 3, 1, 2, 3]))).toBe(false)
    expect(isChunk(Uint8Array.from([1, 0xff, 0x53, 0x57, 0x43]))).toBe(false)
  })

  it('refuses chunks out of order, from another message, or announcing a huge message', () => {
    const [first, second, third] = splitMessage(bytes(3 * CHUNK_BYTES), 1)
    const [otherFirst] = splitMessage(bytes(2 * CHUNK_BYTES + 1), 2)
    if (!first || !second || !third || !otherFirst) throw new Error('expected chunks')

    expect(addChunk({}, second)).toBe('invalid')
    const owner = {}
    addChunk(owner, first)
    expect(addChunk(owner, third)).toBe('invalid')
    const mixed = {}
    addChunk(mixed, otherFirst)
    expect(addChunk(mixed, second)).toBe('invalid')

    const huge = first.slice()
    new DataView(huge.buffer).setUint32(12, 1_000_000)
    expect(addChunk({}, huge)).toBe('invalid')
  })

  it('refuses chunks larger than any sender makes', () => {
    const [first] = splitMessage(bytes(3 * CHUNK_BYTES), 3)
    if (!first) throw new Error('expected a chunk')
    const oversized = new Uint8Array(first.byteLength + CHUNK_BYTES)
    oversized.set(first)

    expect(addChunk({}, oversized)).toBe('invalid')
  })
})

describe('checking a peer message before Yjs applies it', () => {
  function syncUpdate(update: Uint8Array): Uint8Array {
    // messageSync (0), syncUpdate (2), then the update with its varint length (< 128 here).
    return Uint8Array.from([0, 2, update.length, ...update])
  }

  it('accepts a real document update, for the gate to apply', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hello')
    const update = Y.encodeStateAsUpdate(doc)
    expect(update.length).toBeLessThan(128)
    expect(checkPeerMessage(syncUpdate(update))).toEqual({ kind: 'apply', update, step2: false })
  })

  it('refuses an update that does not decode', () => {
    expect(checkPeerMessage(syncUpdate(bytes(64))).kind).toBe('refuse')
  })

  it('lets sync step 1 and awareness queries through untouched', () => {
    expect(checkPeerMessage(Uint8Array.from([0, 0, 1, 0]))).toEqual({ kind: 'pass' })
    expect(checkPeerMessage(Uint8Array.from([3]))).toEqual({ kind: 'pass' })
  })

  it('refuses message types y-webrtc never sends', () => {
    expect(checkPeerMessage(Uint8Array.from([9, 1, 2])).kind).toBe('refuse')
  })
})
