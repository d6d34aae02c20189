/**
 * Takes a teammate out of presence as soon as this window can no longer reach them, instead of
 * after y-protocols' 30-second awareness timeout. A teammate's awareness state names the
 * y-webrtc peer it belongs to (`mesh.peerId`, see mesh.ts); when that peer drops out of the
 * peers this one reaches (its connection closed, and no connected teammate still vouches for a
 * link to it), its states are removed, unless another path still holds them (the team relay,
 * whose server removes a teammate's state itself when their connection to it ends).
 *
 * Removing is y-protocols' `removeAwarenessStates`, which y-webrtc passes on to the other peers.
 * One that still reaches the teammate passes the removal on to them, and a teammate told of its
 * own removal announces itself again at once (y-protocols does that): a mistaken removal mends
 * itself within a round trip, a correct one reaches everyone sooner. States of stock y-webrtc
 * peers name no peer and are left to the awareness timeout.
 */
import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness'
import type { Mesh } from './mesh'

/** Why states are removed, as the `origin` of the awareness change. */
export const CONNECTION_CLOSED = 'connection closed'

export class Departures {
  /** Peer ids reached at the last check. */
  private reached = new Set<string>()
  // A teammate's new view of the mesh can be what makes another one unreachable.
  private readonly onAwareness = (): void => this.check()

  /** Checks on every awareness change; call `check` as well when connections open or close. */
  constructor(
    private readonly awareness: Awareness,
    private readonly mesh: Mesh,
    /** Whether a teammate's state is still held by another path (the team relay). */
    private readonly heldElsewhere: (clientId: number) => boolean,
  ) {
    awareness.on('change', this.onAwareness)
  }

  /** Removes the states of peers reached at the last check and not any more. */
  check(): void {
    const reached = this.mesh.reachablePeers()
    const lost = [...this.reached].filter((peerId) => !reached.has(peerId))
    this.reached = reached
    this.remove(new Set(lost))
  }

  /**
   * A peer whose connection went silent (liveness.ts) is taken for gone at once, whatever
   * teammates still claim: their claim is only as fresh as their own last heartbeat from it,
   * and a peer still there mends a wrong removal itself.
   */
  forget(peerId: string): void {
    this.reached.delete(peerId)
    this.remove(new Set([peerId]))
  }

  /** Leaving the room (once y-webrtc has left it): nobody is reached through it any more. */
  stop(): void {
    this.awareness.off('change', this.onAwareness)
    const lost = this.reached
    this.reached = new Set()
    this.remove(lost)
  }

  private remove(lost: ReadonlySet<string>): void {
    if (lost.size === 0) return
    const gone: number[] = []
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue
      const peerId = peerIdOf(state)
      if (peerId && lost.has(peerId) && !this.heldElsewhere(clientId)) gone.push(clientId)
    }
    if (gone.length === 0) return
    removeAwarenessStates(this.awareness, gone, CONNECTION_CLOSED)
    // y-protocols keeps the clock of a removed teammate and ignores a copy of their state with
    // that clock, which is what they send when they connect again; forget it so that copy counts.
    for (const clientId of gone) this.awareness.meta.delete(clientId)
  }
}

function peerIdOf(state: Record<string, unknown>): string | undefined {
  const mesh = state['mesh']
  if (typeof mesh !== 'object' || mesh === null) return undefined
  const peerId = (mesh as Record<string, unknown>)['peerId']
  return typeof peerId === 'string' ? peerId : undefined
}
