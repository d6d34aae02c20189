/**
 * Checks a y-webrtc message from a peer before Yjs sees it. y-protocols applies a sync update
 * inside a try/catch that only logs (so a malformed one cannot crash anything), but then nobody
 * learns that a teammate's app sent something unreadable, and Yjs may have taken part of it.
 * Decoding the update first (without applying it) catches that and lets the room say so.
 *
 * y-webrtc relays every update a peer receives to all its other peers, so in a room of n the
 * same update arrives up to n - 1 times; updates already found readable are remembered by a
 * hash, so each is decoded once.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

const MESSAGE_SYNC = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2
const REMEMBERED = 512

const readable = new Set<string>()

/** False for a sync message whose document update cannot be decoded; true for anything else. */
export function isReadablePeerMessage(bytes: Uint8Array): boolean {
  let update: Uint8Array
  try {
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return true
    const step = decoding.readVarUint(decoder)
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return true
    update = decoding.readVarUint8Array(decoder)
  } catch {
    return false
  }
  const key = fingerprint(update)
  if (readable.has(key)) return true
  try {
    Y.decodeUpdate(update)
  } catch {
    return false
  }
  if (readable.size >= REMEMBERED) readable.delete(readable.values().next().value ?? '')
  readable.add(key)
  return true
}

/** Two 32-bit FNV-1a hashes with different seeds, plus the length: cheap and collision-shy. */
function fingerprint(bytes: Uint8Array): string {
  let first = 0x811c9dc5
  let second = 0x01000193
  for (const byte of bytes) {
    first = Math.imul(first ^ byte, 0x01000193)
    second = Math.imul(second ^ byte, 0x5bd1e995)
  }
  return `${bytes.length}:${(first >>> 0).toString(36)}:${(second >>> 0).toString(36)}`
}
