/**
 * Joins a case's Y.Doc to its room: peer to peer with y-webrtc (always encrypted with the room
 * key), and through the team relay as well when one is configured. The same code runs in the
 * renderer (the browser's WebRTC) and in Node tests (@roamhq/wrtc), so WebRTC is injected.
 */
import { WebrtcProvider } from 'y-webrtc'
import { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { Departures } from './departures'
import { Liveness } from './liveness'
import { Mesh } from './mesh'
import { installPeerMessagePatches } from './peer-messages'
import { connectRelay, type RelayConnection, type RelayOptions } from './relay'
import { peerConnectionOf, readCandidateRoute, type CandidateRoute } from './candidate-route'
import { closingRooms, OFFLINE_STATUS, type ConnectionRoute, type RoomStatus } from './room-status'

/** Each room's latest connection, ending once it has fully closed; the next one waits for it. */
const roomTurns = new Map<string, Promise<void>>()

/**
 * Connections to one room over y-webrtc take turns, so two opened in quick succession (the
 * relay turned off and on again) never both start a provider for it. Relay-only connections
 * start no provider and need no turn. Resolves, when it is this one's turn, to its end.
 */
async function takeTurn(roomId: string, exclusive: boolean): Promise<() => void> {
  if (!exclusive) return () => undefined
  const previous = roomTurns.get(roomId) ?? Promise.resolve()
  let end: () => void = () => undefined
  const turn = previous.then(() => new Promise<void>((done) => (end = done)))
  roomTurns.set(roomId, turn)
  await previous
  return () => {
    end()
    if (roomTurns.get(roomId) === turn) roomTurns.delete(roomId)
  }
}

export interface RoomOptions {
  roomId: string
  /** The room key: y-webrtc's `password`, which encrypts all signaling. */
  key: string
  /** Signaling servers (ws:// or wss://): the app's own first, then any others. */
  signalingUrls: readonly string[]
  /**
   * The WebRTC implementation simple-peer uses (`RTCPeerConnection` and friends): the
   * browser's in the renderer, `@roamhq/wrtc` in Node.
   */
  webrtc?: unknown
  /**
   * STUN/TURN servers. None by default: no public server learns who works on which case,
   * and peers on one machine or LAN connect directly.
   * @default []
   */
  iceServers?: readonly IceServer[]
  /**
   * Which ICE candidates WebRTC may use; `relay` sends every connection through TURN (a team
   * whose policy forbids direct connections, or bench:sync measuring TURN).
   * @default 'all'
   */
  iceTransportPolicy?: 'all' | 'relay'
  /** Peer-to-peer sync; off only for relay-only tests. @default true */
  peerToPeer?: boolean
  relay?: RelayOptions
  /**
   * Presence for carets and avatars. When given, it is the caller's and outlives the
   * connection; otherwise the connection makes one and destroys it with itself.
   */
  awareness?: Awareness
}

/** A STUN or TURN server, as RTCPeerConnection takes it. */
export interface IceServer {
  urls: string | string[]
  username?: string
  credential?: string
}

type Listener = (status: RoomStatus) => void

/** How often (in seconds) peers exchange state vectors to heal anything a relay skipped. */
const STATE_VECTOR_EVERY_TICKS = 5

/** A WebRTC connection that has not opened after this long is given up and tried again. */
const STUCK_AFTER_MS = 3000
const STUCK_JITTER_MS = 3000
const STUCK_LONGEST_MS = 30_000

export class RoomConnection {
  readonly awareness: Awareness
  private webrtc: WebrtcProvider | undefined
  private mesh: Mesh | undefined
  private liveness: Liveness | undefined
  private departures: Departures | undefined
  private ticks = 0
  /** Removes the listeners put on y-webrtc's signaling connections, which outlive a provider. */
  private unlistenSignaling: (() => void) | undefined
  private relay: RelayConnection | undefined
  private online = true
  private destroyed = false
  private readonly listeners = new Set<Listener>()
  private readonly poll: ReturnType<typeof setInterval>
  private lastStatus = ''
  /** When a connection still not open is given up (a time in ms). */
  private readonly pendingSince = new WeakMap<object, number>()
  /** Connections to a peer given up in a row, by y-webrtc peer id. */
  private readonly stuckTries = new Map<string, number>()
  /** When a peer given up on was last seen trying to connect (a time in ms), by peer id. */
  private readonly lastTried = new Map<string, number>()
  /** How each open WebRTC connection goes, read from its statistics on every beat. */
  private readonly routes = new WeakMap<object, CandidateRoute>()
  private readonly ownsAwareness: boolean

  private constructor(
    readonly doc: Y.Doc,
    private readonly options: RoomOptions,
    /** Lets the next connection to this room start; called once this one has fully closed. */
    private readonly endTurn: () => void,
  ) {
    this.awareness = options.awareness ?? new Awareness(doc)
    this.ownsAwareness = options.awareness === undefined
    // Nothing announces when a WebRTC connection finishes opening, so the status is re-read;
    // the same beat clears connections stuck half-open.
    this.poll = setInterval(() => {
      this.clearStuckConnections()
      this.liveness?.beat()
      this.readRoutes()
      this.mesh?.refresh()
      this.departures?.check()
      this.ticks += 1
      if (this.ticks % STATE_VECTOR_EVERY_TICKS === 0) this.mesh?.exchangeStateVectors()
      this.emitStatus()
    }, 1000)
    ;(this.poll as { unref?: () => void }).unref?.()
  }

  /**
   * Opens the room. Waits for an earlier connection to the same room in this context to finish
   * closing first: y-webrtc keeps one room per name per context and throws "A Yjs Doc connected
   * to room … already exists" when a new one starts too early (y-webrtc #47), as happens when
   * React mounts, unmounts and mounts a component again at once.
   */
  static async open(doc: Y.Doc, options: RoomOptions): Promise<RoomConnection> {
    installPeerMessagePatches()
    const { roomId } = options
    const endTurn = await takeTurn(roomId, options.peerToPeer !== false)
    await closingRooms.get(roomId)
    const connection = new RoomConnection(doc, options, endTurn)
    if (options.peerToPeer !== false) connection.startWebrtc()
    if (options.relay) connection.relay = connectRelay(doc, connection.awareness, options)
    connection.relay?.onChange(() => connection.emitStatus())
    connection.emitStatus()
    return connection
  }

  get status(): RoomStatus {
    if (!this.online || this.destroyed) return OFFLINE_STATUS
    const room = this.webrtc?.room
    const open = room ? [...room.webrtcConns.values()].filter((conn) => conn.connected) : []
    const connectedPeers = open.length + (room?.bcConns.size ?? 0)
    const relay = this.relay?.state ?? 'off'
    const relayPeers = relay === 'connected' ? (this.relay?.peers ?? 0) : 0
    const signaling = this.webrtc?.signalingConns.some((conn) => conn.connected) ?? false
    const reachable = signaling || relay === 'connected'
    return {
      state: reachable ? 'connected' : 'connecting',
      peers: Math.max(connectedPeers, relayPeers),
      relay,
      route: this.route(open, connectedPeers, relayPeers),
      unreachable: [...this.stuckTries.keys()].filter((peerId) => this.lastTried.has(peerId))
        .length,
    }
  }

  /**
   * TURN as soon as one WebRTC connection goes through it (that is the one an admin wants to
   * know about); direct when peers are connected otherwise; the relay when only it connects us.
   */
  private route(
    open: readonly object[],
    connectedPeers: number,
    relayPeers: number,
  ): ConnectionRoute {
    if (open.some((conn) => this.routes.get(conn) === 'turn')) return 'turn'
    if (connectedPeers > 0) return 'direct'
    return relayPeers > 0 ? 'relay' : 'offline'
  }

  /** Asks each open WebRTC connection which candidate pair it uses, then re-reads the status. */
  private readRoutes(): void {
    const room = this.webrtc?.room
    if (!room) return
    for (const conn of room.webrtcConns.values()) {
      const pc = conn.connected ? peerConnectionOf(conn.peer) : undefined
      if (!pc) continue
      readCandidateRoute(pc).then(
        (route) => {
          if (!route || this.routes.get(conn) === route) return
          this.routes.set(conn, route)
          this.emitStatus()
        },
        // A connection closing while its statistics are read; the next beat tries again.
        () => undefined,
      )
    }
  }

  onStatus(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Stops all network traffic; edits keep going into the document (and to disk). */
  goOffline(): void {
    if (!this.online || this.destroyed) return
    this.online = false
    this.stopWebrtc()
    this.relay?.disconnect()
    this.emitStatus()
  }

  /**
   * Rejoins with a fresh y-webrtc room, so peers see a new peer id: reusing the old one leaves
   * them holding a dead connection for it and updates flow one way only (y-webrtc #24).
   * Sync step 1 and 2 then exchange whatever either side wrote meanwhile.
   */
  async goOnline(): Promise<void> {
    if (this.online || this.destroyed) return
    this.online = true
    await closingRooms.get(this.options.roomId)
    if (!this.online || this.destroyed) return
    if (this.options.peerToPeer !== false) this.startWebrtc()
    this.relay?.connect()
    this.emitStatus()
  }

  /** Leaves the room for good and releases every listener, timer and connection. */
  async destroy(): Promise<void> {
    if (this.destroyed) return
    this.destroyed = true
    clearInterval(this.poll)
    this.stopWebrtc()
    this.relay?.destroy()
    if (this.ownsAwareness) this.awareness.destroy()
    this.emitStatus()
    this.listeners.clear()
    await closingRooms.get(this.options.roomId)
    this.endTurn()
  }

  private startWebrtc(): void {
    const { roomId, key, signalingUrls, webrtc, iceServers = [], iceTransportPolicy } = this.options
    const provider = new WebrtcProvider(roomId, this.doc, {
      signaling: [...signalingUrls],
      password: key,
      awareness: this.awareness,
      peerOpts: {
        ...(webrtc ? { wrtc: webrtc } : {}),
        config: { iceServers, ...(iceTransportPolicy ? { iceTransportPolicy } : {}) },
      },
    })
    this.mesh = new Mesh(this.doc, this.awareness, provider)
    this.liveness = new Liveness(provider, (peerId) => this.departures?.forget(peerId))
    this.departures = new Departures(
      this.awareness,
      this.mesh,
      (clientId) => this.relay?.holds(clientId) ?? false,
    )
    const onChange = (): void => {
      this.mesh?.refresh()
      this.departures?.check()
      this.emitStatus()
    }
    provider.on('peers', onChange)
    for (const conn of provider.signalingConns) {
      conn.on('connect', onChange)
      conn.on('disconnect', onChange)
    }
    this.unlistenSignaling = () => {
      for (const conn of provider.signalingConns) {
        conn.off('connect', onChange)
        conn.off('disconnect', onChange)
      }
    }
    this.webrtc = provider
  }

  private stopWebrtc(): void {
    const provider = this.webrtc
    if (!provider) return
    this.webrtc = undefined
    this.mesh?.stop()
    this.mesh = undefined
    this.liveness = undefined
    const departures = this.departures
    this.departures = undefined
    this.unlistenSignaling?.()
    // Leaving a y-webrtc room clears this client's presence (peers must see it go); it is put
    // back afterwards, so the next connection announces it again.
    const presence = this.awareness.getLocalState()
    // destroy() alone leaves y-webrtc's signaling connection open and reconnecting.
    provider.disconnect()
    provider.destroy()
    // After y-webrtc has left, so teammates are not told of it: they still reach each other.
    departures?.stop()
    // y-webrtc forgets the room name only once its key promise settles; wait for that.
    const closed = Promise.resolve(provider.key).then(() => {
      if (!this.destroyed && presence) this.awareness.setLocalState(presence)
      if (closingRooms.get(this.options.roomId) === closed) closingRooms.delete(this.options.roomId)
    })
    closingRooms.set(this.options.roomId, closed)
  }

  /**
   * When two peers announce themselves at the same moment (opening a case together, or coming
   * back from the same network drop) both start a connection and y-webrtc's glare handling can
   * leave the pair with a connection that never opens; neither side then tries again, since
   * it already "has" one. A connection still not open after STUCK_AFTER_MS plus a random share
   * (so the two sides do not retry in step again) is closed, which makes y-webrtc announce
   * afresh and the pair connect. Each further try with the same peer waits twice as long, up
   * to STUCK_LONGEST_MS, so a slow network or a busy computer still gets to finish connecting.
   */
  private clearStuckConnections(): void {
    const room = this.webrtc?.room
    if (!room) return
    const now = Date.now()
    // A peer given up on that stopped trying (it left the room) no longer counts as unreachable.
    for (const [peerId, seen] of this.lastTried) {
      if (now - seen > STUCK_LONGEST_MS + STUCK_JITTER_MS) {
        this.lastTried.delete(peerId)
        this.stuckTries.delete(peerId)
      }
    }
    for (const [peerId, conn] of room.webrtcConns) {
      if (conn.connected) {
        this.pendingSince.delete(conn)
        this.stuckTries.delete(peerId)
        this.lastTried.delete(peerId)
        continue
      }
      if (this.stuckTries.has(peerId)) this.lastTried.set(peerId, now)
      const deadline = this.pendingSince.get(conn)
      if (deadline === undefined) {
        const tries = this.stuckTries.get(peerId) ?? 0
        const wait = Math.min(STUCK_AFTER_MS * 2 ** tries, STUCK_LONGEST_MS)
        this.pendingSince.set(conn, now + wait + Math.random() * STUCK_JITTER_MS)
      } else if (now > deadline) {
        this.pendingSince.delete(conn)
        this.stuckTries.set(peerId, (this.stuckTries.get(peerId) ?? 0) + 1)
        this.lastTried.set(peerId, now)
        conn.destroy()
      }
    }
  }

  private emitStatus(): void {
    const status = this.status
    const text = JSON.stringify(status)
    if (text === this.lastStatus) return
    this.lastStatus = text
    for (const listener of [...this.listeners]) listener(status)
  }
}
