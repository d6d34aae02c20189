/**
 * One peer of bench/sync.ts, in its own process (y-webrtc keeps one room per name per process).
 * Mode `swarmroom` joins with the app's RoomConnection (chunking, message checks, presence,
 * history kept); mode `baseline` uses bare y-webrtc and yjs with the same password and the same
 * edits. Mode `relay` joins with RoomConnection through the team relay only (sealed entries and
 * presence, WebRTC off); `relay-baseline` is a stock HocuspocusProvider syncing the document in
 * the clear through the same relay server. Each edit puts a marker into this peer's own
 * paragraph; every peer reports when it first sees another peer's marker, with a monotonic
 * clock shared by all processes.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebrtcProvider } from 'y-webrtc'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { peerConnectionOf, readCandidateRoute } from '../src/shared/room/candidate-route'
import { RoomConnection, type IceServer } from '../src/shared/room/room-connection'
import { installWebSocket, testPeerOptions, wrtc } from '../test/fixtures/node-webrtc'

export type BenchMode = 'swarmroom' | 'baseline' | 'relay' | 'relay-baseline'

export type ToBenchPeer =
  | {
      type: 'join'
      mode: BenchMode
      roomId: string
      key: string
      /** The signaling server, or the relay for the relay modes. */
      url: string
      token?: string
      /** TURN only (`iceTransportPolicy: 'relay'`) through these servers; none: loopback. */
      turn?: IceServer[]
    }
  | { type: 'type'; edits: number; intervalMs: number }
  | { type: 'peers' }
  | { type: 'stop' }

export type FromBenchPeer =
  | { type: 'ready' }
  | { type: 'joined' }
  /** Open connections, and how many of them go through TURN. */
  | { type: 'peers'; count: number; throughTurn: number }
  | { type: 'sent'; id: string; at: string }
  | { type: 'seen'; id: string; at: string }
  | { type: 'typed' }

const index = Number(process.argv[2] ?? 0)
const tell = (message: FromBenchPeer): void => void process.send?.(message)
const now = (): string => process.hrtime.bigint().toString()
installWebSocket()

let doc: Y.Doc
let connectedPeers: () => number = () => 0
/** How many open connections go through TURN: a check on the run, not part of what is measured. */
let throughTurn: () => Promise<number> = async () => 0
let leave: () => Promise<void> = async () => undefined
const MARKER = /⟦(\d+):(\d+)⟧/g

function ownText(): Y.XmlText {
  const fragment = doc.getXmlFragment(`bench-${index}`)
  const first = fragment.get(0)
  if (first instanceof Y.XmlElement && first.get(0) instanceof Y.XmlText) {
    return first.get(0) as Y.XmlText
  }
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  fragment.insert(0, [paragraph])
  return text
}

function watchOthers(): void {
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local) return
    const at = now()
    for (const type of transaction.changed.keys()) {
      if (!(type instanceof Y.XmlText)) continue
      for (const match of type.toString().matchAll(MARKER)) {
        const id = `${match[1]}:${match[2]}`
        if (Number(match[1]) !== index && !seen.has(id)) {
          seen.add(id)
          tell({ type: 'seen', id, at })
        }
      }
    }
  })
}
const seen = new Set<string>()

async function join(message: Extract<ToBenchPeer, { type: 'join' }>): Promise<void> {
  if (message.mode === 'relay') {
    doc = new Y.Doc({ gc: false })
    watchOthers()
    const room = await RoomConnection.open(doc, {
      roomId: message.roomId,
      key: message.key,
      signalingUrls: [],
      peerToPeer: false,
      relay: { url: message.url, token: message.token ?? '', WebSocket },
    })
    room.awareness.setLocalStateField('user', { memberId: `m${index}`, name: `Peer ${index}` })
    connectedPeers = () => room.status.peers
    leave = () => room.destroy()
  } else if (message.mode === 'relay-baseline') {
    doc = new Y.Doc()
    watchOthers()
    const socket = new HocuspocusProviderWebsocket({
      url: message.url,
      WebSocketPolyfill: WebSocket,
    })
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: message.roomId,
      document: doc,
      token: message.token ?? '',
    })
    provider.attach()
    provider.awareness?.setLocalStateField('user', { memberId: `m${index}`, name: `Peer ${index}` })
    connectedPeers = () => Math.max(0, (provider.awareness?.getStates().size ?? 1) - 1)
    leave = async () => {
      provider.destroy()
      socket.destroy()
    }
  } else if (message.mode === 'swarmroom') {
    doc = new Y.Doc({ gc: false })
    watchOthers()
    const room = await RoomConnection.open(doc, {
      roomId: message.roomId,
      key: message.key,
      signalingUrls: [message.url],
      webrtc: wrtc,
      ...(message.turn ? { iceServers: message.turn, iceTransportPolicy: 'relay' as const } : {}),
    })
    room.awareness.setLocalStateField('user', { memberId: `m${index}`, name: `Peer ${index}` })
    connectedPeers = () => room.status.peers
    // The app's own reading of its connections: `turn` once one goes through TURN.
    throughTurn = async () => (room.status.route === 'turn' ? room.status.peers : 0)
    leave = () => room.destroy()
  } else {
    doc = new Y.Doc()
    watchOthers()
    const provider = new WebrtcProvider(message.roomId, doc, {
      signaling: [message.url],
      password: message.key,
      peerOpts: message.turn
        ? { wrtc, config: { iceServers: message.turn, iceTransportPolicy: 'relay' } }
        : testPeerOptions,
    })
    connectedPeers = () => openConnections(provider).length
    throughTurn = () => countThroughTurn(openConnections(provider))
    leave = async () => {
      provider.disconnect()
      provider.destroy()
    }
  }
  ownText() // each peer's paragraph exists before measuring: new types are not "changed"
  tell({ type: 'joined' })
}

function openConnections(provider: WebrtcProvider | undefined): unknown[] {
  const conns = [...(provider?.room?.webrtcConns.values() ?? [])]
  return conns.filter((conn) => conn.connected).map((conn) => conn.peer)
}

/** Reads each connection's selected candidate pair, as the app's status does. */
async function countThroughTurn(peers: unknown[]): Promise<number> {
  const routes = await Promise.all(
    peers.map((peer) => {
      const pc = peerConnectionOf(peer)
      return pc ? readCandidateRoute(pc).catch(() => undefined) : undefined
    }),
  )
  return routes.filter((route) => route === 'turn').length
}

async function peersMessage(): Promise<FromBenchPeer> {
  return { type: 'peers', count: connectedPeers(), throughTurn: await throughTurn() }
}

async function type(edits: number, intervalMs: number): Promise<void> {
  const text = ownText()
  for (let edit = 0; edit < edits; edit += 1) {
    await new Promise((done) => setTimeout(done, intervalMs))
    const id = `${index}:${edit}`
    tell({ type: 'sent', id, at: now() })
    text.insert(text.length, `⟦${id}⟧ `)
  }
  tell({ type: 'typed' })
}

process.on('message', (message: ToBenchPeer) => {
  if (message.type === 'join') void join(message)
  if (message.type === 'peers') void peersMessage().then(tell)
  if (message.type === 'type') void type(message.edits, message.intervalMs)
  if (message.type === 'stop') {
    void leave().finally(() => setTimeout(() => process.exit(0), 100))
  }
})
process.on('unhandledRejection', () => undefined)
// The bench ended or was interrupted: nothing is left running, in a namespace or not.
process.on('disconnect', () => process.exit(0))
tell({ type: 'ready' })
