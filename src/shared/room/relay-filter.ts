/**
 * y-webrtc sends every update a peer receives on to all of its other peers, so that rooms
 * whose mesh is incomplete still converge. In a room of n where everyone is connected to
 * everyone that is n² messages per keystroke, nearly all redundant, and with ten people typing
 * it is most of the CPU (bench/sync.ts). Each room decides, per pair of connections, whether
 * passing on what one sent to the other is redundant; the simple-peer patch asks it while a
 * received message is being handled (y-webrtc relays synchronously, inside that handling).
 */

/** True when what `from` sent need not be passed on to `to`. Peers are simple-peer instances. */
export type RelayFilter = (from: object, to: object) => boolean

const filters = new WeakMap<object, RelayFilter>()
let receivingFrom: object | undefined
/** Whether the update y-webrtc is about to send was written on this computer. */
let outgoingIsLocal = false

const MESSAGE_SYNC = 0
const SYNC_UPDATE = 2

export function setRelayFilter(peer: object, filter: RelayFilter): void {
  filters.set(peer, filter)
}

/** Runs the handling of a message `peer` sent; sends made meanwhile are relays of it. */
export function whileReceivingFrom<T>(peer: object, handle: () => T): T {
  const outer = receivingFrom
  receivingFrom = peer
  try {
    return handle()
  } finally {
    receivingFrom = outer
  }
}

/**
 * Called for each document update before y-webrtc sends it: an edit made here while a peer's
 * message is being handled (an observer reacting to it) is this member's own and goes to all.
 */
export function noteOutgoingUpdate(local: boolean): void {
  outgoingIsLocal = local
}

/** Whether sending `bytes` to `to` now would only repeat an update `to` gets anyway. */
export function isRedundantRelay(to: object, bytes: Uint8Array): boolean {
  if (!receivingFrom || outgoingIsLocal) return false
  if (bytes[0] !== MESSAGE_SYNC || bytes[1] !== SYNC_UPDATE) return false
  return filters.get(to)?.(receivingFrom, to) ?? false
}
