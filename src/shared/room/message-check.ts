/**
 * The gate every message from a peer passes before y-webrtc or Yjs sees it. Whoever holds the
 * room key can send anything, and y-protocols applies a sync update inside a try/catch that
 * only logs, so nobody would learn that a teammate's app sent something harmful. Here:
 * - a document update must pass `checkUpdate` (decodes, nests at most MAX_NESTING levels,
 *   applies to a scratch document); the caller then applies it itself and sees any error;
 * - an awareness update may hold at most MAX_AWARENESS_STATES states in MAX_AWARENESS_BYTES;
 * - y-webrtc's bc-peer-id message belongs to BroadcastChannel between windows of one browser;
 *   on a data channel it is dropped (each one made the status count another peer);
 * - any message type y-webrtc does not send is refused.
 */
import * as decoding from 'lib0/decoding'
import { PROBLEMS } from './message-problems'
import { checkUpdate } from './update-check'

// y-webrtc's message types (node_modules/y-webrtc/src/y-webrtc.js).
const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_QUERY_AWARENESS = 3
const MESSAGE_BC_PEER_ID = 4
// y-protocols' sync steps.
const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** More than a room of a hundred members with carets and mesh lists ever sends at once. */
export const MAX_AWARENESS_STATES = 256
export const MAX_AWARENESS_BYTES = 512 * 1024

export type PeerMessageCheck =
  | { kind: 'pass' }
  | { kind: 'drop' }
  | { kind: 'refuse'; problem: string }
  /** A document update that passed; the caller applies it and refuses the peer if that throws. */
  | { kind: 'apply'; update: Uint8Array; step2: boolean }

export function checkPeerMessage(bytes: Uint8Array): PeerMessageCheck {
  try {
    const decoder = decoding.createDecoder(bytes)
    switch (decoding.readVarUint(decoder)) {
      case MESSAGE_SYNC:
        return checkSyncMessage(decoder)
      case MESSAGE_AWARENESS:
        return checkAwarenessUpdate(decoding.readVarUint8Array(decoder))
      case MESSAGE_QUERY_AWARENESS:
        return { kind: 'pass' }
      case MESSAGE_BC_PEER_ID:
        return { kind: 'drop' }
      default:
        return { kind: 'refuse', problem: PROBLEMS.unreadable }
    }
  } catch {
    return { kind: 'refuse', problem: PROBLEMS.unreadable }
  }
}

/** A y-protocols sync message (after its message type), as y-webrtc and Hocuspocus send it. */
export function checkSyncMessage(decoder: decoding.Decoder): PeerMessageCheck {
  const step = decoding.readVarUint(decoder)
  if (step === SYNC_STEP_1) {
    decoding.readVarUint8Array(decoder)
    return { kind: 'pass' }
  }
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) {
    return { kind: 'refuse', problem: PROBLEMS.unreadable }
  }
  const update = decoding.readVarUint8Array(decoder)
  switch (checkUpdate(update)) {
    case 'ok':
      return { kind: 'apply', update, step2: step === SYNC_STEP_2 }
    case 'too-deep':
      return { kind: 'refuse', problem: PROBLEMS.tooDeep }
    default:
      return { kind: 'refuse', problem: PROBLEMS.unreadable }
  }
}

/** An awareness update: refused when over-large, or when it does not decode. */
export function checkAwarenessUpdate(update: Uint8Array): PeerMessageCheck {
  if (update.byteLength > MAX_AWARENESS_BYTES) return { kind: 'refuse', problem: PROBLEMS.presence }
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    if (count > MAX_AWARENESS_STATES) return { kind: 'refuse', problem: PROBLEMS.presence }
    for (let index = 0; index < count; index += 1) {
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      const state: unknown = JSON.parse(decoding.readVarString(decoder))
      if (typeof state !== 'object') return { kind: 'refuse', problem: PROBLEMS.unreadable }
    }
  } catch {
    return { kind: 'refuse', problem: PROBLEMS.unreadable }
  }
  return { kind: 'pass' }
}
