/**
 * Two fixes to the simple-peer connections y-webrtc makes, applied once per JavaScript context.
 *
 * 1. Large messages (y-webrtc #42, https://github.com/yjs/y-webrtc/issues/42): y-webrtc sends
 *    each Yjs message as one data-channel message, and one larger than the channel's limit
 *    (256 KiB in Chromium and libwebrtc, see data-channel-limit.ts) closes the channel, so a
 *    big paste or the first sync of a large case never reaches the other peer. Messages within
 *    the limit go unchanged, as stock y-webrtc sends them. Larger ones go to a peer that
 *    announced it reads chunks (setChunkReader) as chunks joined again on receipt, and to any
 *    other peer, stock y-webrtc included, as several ordinary Yjs messages
 *    (stock-sized-updates.ts). A peer whose announcement has not arrived yet counts as stock:
 *    the first sync step 2, sent right as the connection opens, is cut into Yjs messages.
 * 2. Redundant relays: see relay-filter.ts.
 * 3. Harmful messages: a peer holding the key can send anything. Every message passes the gate
 *    (message-check.ts) first; one it refuses, or a document update that throws while being
 *    applied, or anything that throws in y-webrtc's data listener, is dropped, the connection
 *    to that peer closed and the problem reported; the room carries on with everyone else.
 *    Document updates are applied here rather than by y-protocols, which would only log the
 *    error (y-webrtc passes it no error handler).
 */
import Peer from 'simple-peer/simplepeer.min.js'
import * as Y from 'yjs'
import { messageLimitOf } from './data-channel-limit'
import { checkPeerMessage } from './message-check'
import { PROBLEMS, reportPeerMessageProblem } from './message-problems'
import { isRedundantRelay, whileReceivingFrom } from './relay-filter'
import { splitSyncMessage } from './stock-sized-updates'

export { onPeerMessageProblem } from './message-problems'

/** Well under every implementation's limit; also keeps one chunk from stalling the channel. */
export const CHUNK_BYTES = 16 * 1024
/** The chunk format this code reads, announced to peers (see mesh.ts and docs/case-schema.md). */
export const CHUNK_FORMAT = 1
/** Matches the IPC contract's limit on one update; a larger announced message is refused. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024
/** 0xff starts no y-webrtc message: their first byte is a message type from 0 to 4. */
const MAGIC = [0xff, 0x53, 0x57, 0x43] as const
const HEADER_BYTES = 16
/** Sync step 2 with an empty update: lets y-webrtc mark the peer synced once the gate applied it. */
const EMPTY_STEP_2 = Uint8Array.from([0, 1, 2, 0, 0])

interface UpdateTarget {
  doc: Y.Doc
  /** The transaction origin y-webrtc would use: its room. */
  origin: unknown
}
const targets = new WeakMap<object, UpdateTarget>()

/**
 * Where the gate applies the document updates `peer` sends. Set for each connection as soon as
 * y-webrtc announces it (before any message can arrive); until then y-webrtc applies them.
 */
export function setUpdateTarget(peer: object, doc: Y.Doc, origin: unknown): void {
  targets.set(peer, { doc, origin })
}

/** Whether the peer at the other end of a connection announced that it reads chunks. */
const chunkReaders = new WeakMap<object, () => boolean>()

/** Tells the patch how to learn whether `peer`'s other end reads chunks; asked at each send. */
export function setChunkReader(peer: object, readsChunks: () => boolean): void {
  chunkReaders.set(peer, readsChunks)
}

interface Assembly {
  id: number
  count: number
  parts: Uint8Array[]
  bytes: number
}
const assemblies = new WeakMap<object, Assembly>()
let nextMessageId = 1
let installed = false

export function installPeerMessagePatches(): void {
  if (installed) return
  installed = true
  const proto = Peer.prototype
  const originalSend = proto.send
  const originalReceive = proto._onChannelMessage
  const originalOn = proto.on

  proto.send = function send(this: typeof proto, data) {
    const bytes = asBytes(data)
    if (bytes && isRedundantRelay(this, bytes)) return
    const limit = messageLimitOf(this)
    if (!bytes || bytes.byteLength <= limit) return originalSend.call(this, data)
    if (chunkReaders.get(this)?.() === true) {
      for (const chunk of splitMessage(bytes, nextMessageId++)) originalSend.call(this, chunk)
      return
    }
    const target = targets.get(this)
    const pieces = target ? splitSyncMessage(target.doc, bytes, limit) : undefined
    // Nothing a stock peer could read in pieces (an oversized presence message): send it as
    // stock y-webrtc would.
    if (!pieces) return originalSend.call(this, data)
    for (const piece of pieces) originalSend.call(this, piece)
  }

  proto._onChannelMessage = function receive(this: typeof proto, event) {
    const bytes = asBytes(event.data)
    if (!bytes || !isChunk(bytes)) return originalReceive.call(this, event)
    const whole = addChunk(this, bytes)
    if (whole === 'invalid') {
      reportPeerMessageProblem(PROBLEMS.damaged, targets.get(this)?.doc)
      this.destroy()
    } else if (whole) {
      originalReceive.call(this, { data: whole.buffer })
    }
  }

  proto.on = function on(this: typeof proto, event, listener) {
    if (event !== 'data') return originalOn.call(this, event, listener)
    const refuse = (problem: string, error?: unknown): void => {
      console.warn('ignored a message from a peer that could not be read', error)
      reportPeerMessageProblem(problem, targets.get(this)?.doc)
      this.destroy()
    }
    const guarded = (...args: never[]): void => {
      const bytes = asBytes(args[0])
      const check = bytes ? checkPeerMessage(bytes) : ({ kind: 'pass' } as const)
      if (check.kind === 'refuse') return refuse(check.problem)
      if (check.kind === 'drop') return
      const target = targets.get(this)
      try {
        whileReceivingFrom(this, () => {
          if (check.kind !== 'apply' || !target) return listener(...args)
          Y.applyUpdate(target.doc, check.update, target.origin)
          if (check.step2) listener(...([EMPTY_STEP_2] as never[]))
        })
      } catch (error) {
        refuse(PROBLEMS.unreadable, error)
      }
    }
    return originalOn.call(this, event, guarded)
  }
}

/** Splits one message into chunks of `[magic, id, index, count] + payload`. */
export function splitMessage(bytes: Uint8Array, id: number): Uint8Array[] {
  const count = Math.ceil(bytes.byteLength / CHUNK_BYTES)
  const chunks: Uint8Array[] = []
  for (let index = 0; index < count; index += 1) {
    const payload = bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES)
    const chunk = new Uint8Array(HEADER_BYTES + payload.byteLength)
    const view = new DataView(chunk.buffer)
    chunk.set(MAGIC, 0)
    view.setUint32(4, id >>> 0)
    view.setUint32(8, index)
    view.setUint32(12, count)
    chunk.set(payload, HEADER_BYTES)
    chunks.push(chunk)
  }
  return chunks
}

export function isChunk(bytes: Uint8Array): boolean {
  return bytes.byteLength > HEADER_BYTES && MAGIC.every((value, index) => bytes[index] === value)
}

/**
 * Adds a chunk to the message being assembled for `owner` (one connection). Returns the whole
 * message once its last chunk arrives, `undefined` while waiting, `'invalid'` for chunks out of
 * order or announcing more than any real message holds. Data channels are ordered and reliable,
 * so anything else means a broken or hostile sender.
 */
export function addChunk(owner: object, chunk: Uint8Array): Uint8Array | undefined | 'invalid' {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength)
  const id = view.getUint32(4)
  const index = view.getUint32(8)
  const count = view.getUint32(12)
  const payload = chunk.subarray(HEADER_BYTES)
  let assembly = assemblies.get(owner)
  if (index === 0) {
    if (count < 2 || count > Math.ceil(MAX_MESSAGE_BYTES / CHUNK_BYTES)) return fail(owner)
    assembly = { id, count, parts: [], bytes: 0 }
    assemblies.set(owner, assembly)
  }
  if (!assembly || assembly.id !== id || assembly.count !== count) return fail(owner)
  if (index !== assembly.parts.length) return fail(owner)
  // Chunks are never larger than CHUNK_BYTES: bigger ones could only be meant to exhaust memory.
  if (payload.byteLength > CHUNK_BYTES) return fail(owner)
  if (assembly.bytes + payload.byteLength > MAX_MESSAGE_BYTES) return fail(owner)
  assembly.parts.push(payload.slice())
  assembly.bytes += payload.byteLength
  if (assembly.parts.length < count) return undefined
  assemblies.delete(owner)
  const whole = new Uint8Array(assembly.bytes)
  let offset = 0
  for (const part of assembly.parts) {
    whole.set(part, offset)
    offset += part.byteLength
  }
  return whole
}

function fail(owner: object): 'invalid' {
  assemblies.delete(owner)
  return 'invalid'
}

function asBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof Uint8Array) return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return undefined
}
