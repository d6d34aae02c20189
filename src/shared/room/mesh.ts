/**
 * Who in a room is connected to whom, shared through awareness, so a peer passes an update on
 * only to peers that are not connected to its author (see relay-filter.ts). Knowledge of the
 * mesh can lag a dropped connection by a second or two, so every few seconds each peer also
 * sends its state vector to the peers it is connected to (Yjs sync step 1), and anything it
 * still lacks comes back: nothing an author wrote stays missing for long.
 *
 * The same awareness field says which chunk format this peer reads (`chunks`), so that
 * messages too large for a data channel go to it in chunks (peer-messages.ts); a peer that
 * says nothing, stock y-webrtc for one, gets them as ordinary Yjs messages instead.
 */
import * as encoding from 'lib0/encoding'
import type { Awareness } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type { WebrtcProvider } from 'y-webrtc'
import type * as Y from 'yjs'
import { CHUNK_FORMAT, setChunkReader, setUpdateTarget } from './peer-messages'
import { noteOutgoingUpdate, setRelayFilter } from './relay-filter'

const MESSAGE_SYNC = 0

interface MeshState {
  peerId: string
  connected: string[]
  /** The chunk format the peer reads; absent for one that reads none. */
  chunks?: number
}

export class Mesh {
  /** Peer id → the peer ids it reports being connected to. */
  private known = new Map<string, ReadonlySet<string>>()
  /** Peer ids that announced they read this code's chunk format. */
  private chunkReaders: ReadonlySet<string> = new Set()
  private published = ''
  private readonly onAwareness = (): void => this.readKnown()
  // Registered before y-webrtc's own update listener (which it adds once the room key is
  // derived), so it runs first for every update.
  private readonly onUpdate = (
    _update: Uint8Array,
    _origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ): void => noteOutgoingUpdate(transaction.local)

  constructor(
    private readonly doc: Y.Doc,
    private readonly awareness: Awareness,
    private readonly provider: WebrtcProvider,
  ) {
    awareness.on('change', this.onAwareness)
    doc.on('update', this.onUpdate)
  }

  /**
   * Publishes this peer's connections and puts the relay filter, the gate's update target and
   * whether the other end reads chunks on each of them. y-webrtc announces a new connection
   * ('peers') as it creates it, so this runs before the connection can deliver anything.
   */
  refresh(): void {
    const room = this.provider.room
    if (!room) return
    const connected: string[] = []
    for (const [peerId, conn] of room.webrtcConns) {
      setRelayFilter(conn.peer, this.isRedundant)
      setUpdateTarget(conn.peer, this.doc, room)
      setChunkReader(conn.peer, () => this.chunkReaders.has(peerId))
      if (conn.connected) connected.push(peerId)
    }
    const mesh: MeshState = {
      peerId: room.peerId,
      connected: connected.sort(),
      chunks: CHUNK_FORMAT,
    }
    const text = JSON.stringify(mesh)
    if (text === this.published) return
    this.published = text
    this.awareness.setLocalStateField('mesh', mesh)
    this.readKnown()
  }

  /** Sends Yjs sync step 1 to every connected peer; each answers with what this peer lacks. */
  exchangeStateVectors(): void {
    const room = this.provider.room
    if (!room) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    const message = encoding.toUint8Array(encoder)
    for (const conn of room.webrtcConns.values()) {
      if (!conn.connected) continue
      try {
        conn.peer.send(message)
      } catch {
        // A connection closing right now: the next round or its replacement catches up.
      }
    }
  }

  /**
   * The peers this one reaches, directly or through others: its open connections, then every
   * peer that a reached peer and that peer itself both say they are connected to (one that has
   * just lost the other may not have said so yet). A teammate's own word for a link is kept
   * until their state goes, which is why both ends must vouch for it.
   */
  reachablePeers(): Set<string> {
    const room = this.provider.room
    if (!room) return new Set()
    const reached = new Set<string>(room.bcConns)
    for (const [peerId, conn] of room.webrtcConns) if (conn.connected) reached.add(peerId)
    const queue = [...reached]
    for (let peerId = queue.shift(); peerId !== undefined; peerId = queue.shift()) {
      for (const other of this.known.get(peerId) ?? []) {
        if (other === room.peerId || reached.has(other) || !this.linked(other, peerId)) continue
        reached.add(other)
        queue.push(other)
      }
    }
    return reached
  }

  stop(): void {
    this.doc.off('update', this.onUpdate)
    this.awareness.off('change', this.onAwareness)
    this.awareness.setLocalStateField('mesh', null)
  }

  private readonly isRedundant = (from: object, to: object): boolean => {
    const room = this.provider.room
    if (!room) return false
    let fromId: string | undefined
    let toId: string | undefined
    for (const [peerId, conn] of room.webrtcConns) {
      if (conn.peer === from) fromId = peerId
      if (conn.peer === to) toId = peerId
    }
    if (!fromId || !toId) return false
    if (fromId === toId) return true
    // Both ends must say so: one that has just lost the other still gets the relay.
    return this.linked(toId, fromId) && this.linked(fromId, toId)
  }

  private linked(peerId: string, other: string): boolean {
    return this.known.get(peerId)?.has(other) ?? false
  }

  private readKnown(): void {
    const known = new Map<string, ReadonlySet<string>>()
    const chunkReaders = new Set<string>()
    for (const state of this.awareness.getStates().values()) {
      const mesh: unknown = state['mesh']
      if (!isMeshState(mesh)) continue
      known.set(mesh.peerId, new Set(mesh.connected))
      if (mesh.chunks === CHUNK_FORMAT) chunkReaders.add(mesh.peerId)
    }
    this.known = known
    this.chunkReaders = chunkReaders
  }
}

function isMeshState(value: unknown): value is MeshState {
  if (typeof value !== 'object' || value === null) return false
  const { peerId, connected } = value as Record<string, unknown>
  return (
    typeof peerId === 'string' &&
    Array.isArray(connected) &&
    connected.length <= 1000 &&
    connected.every((item) => typeof item === 'string')
  )
}
