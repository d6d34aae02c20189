/**
 * Checks a y-webrtc message from a peer before Yjs sees it. y-protocols applies a sync update
 * inside a try/catch that only logs (so a malformed one cannot crash anything), but then nobody
 * learns that a teammate's app sent something unreadable, and Yjs may have taken part of it.
 * Decoding the update first (without applying it) catches that and lets the room say so.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

const MESSAGE_SYNC = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** False for a sync message whose document update cannot be decoded; true for anything else. */
export function isReadablePeerMessage(bytes: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return true
    const step = decoding.readVarUint(decoder)
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return true
    Y.decodeUpdate(decoding.readVarUint8Array(decoder))
    return true
  } catch {
    return false
  }
}
