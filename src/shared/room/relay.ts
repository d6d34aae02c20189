/**
 * The team relay: a Hocuspocus server that keeps a room available when every member is offline
 * and carries rooms larger than a WebRTC mesh holds. It sees the document like any Yjs server
 * (it stores and merges it), so it belongs on the team's own infrastructure, behind TLS and a
 * token. The room key is never sent to it.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { checkAwarenessUpdate, checkSyncMessage, type PeerMessageCheck } from './message-check'
import { PROBLEMS, reportPeerMessageProblem } from './message-problems'
import type { RelayState } from './room-status'

export interface RelayOptions {
  /** ws:// or wss:// address of the Hocuspocus server. */
  url: string
  token: string
  /** Node has no WebSocket; tests pass the `ws` package's. */
  WebSocket?: unknown
}

export interface RelayConnection {
  readonly state: RelayState
  /** Other clients present through the relay. */
  readonly peers: number
  /** Whether a teammate's presence (awareness client id) comes through the relay right now. */
  holds(clientId: number): boolean
  onChange(listener: () => void): void
  connect(): void
  disconnect(): void
  destroy(): void
}

export function connectRelay(
  doc: Y.Doc,
  awareness: Awareness,
  options: { roomId: string; relay?: RelayOptions },
): RelayConnection {
  const relay = options.relay
  if (!relay) throw new Error('connectRelay needs relay options')
  let state: RelayState = 'connecting'
  const listeners = new Set<() => void>()
  const set = (next: RelayState): void => {
    // A refusal stays visible until the token changes; reconnect attempts do not hide it.
    if (state === 'denied' && next !== 'connected') return
    state = next
    for (const listener of [...listeners]) listener()
  }
  const socket = new HocuspocusProviderWebsocket({
    url: relay.url,
    ...(relay.WebSocket ? { WebSocketPolyfill: relay.WebSocket } : {}),
  })
  const mirror = mirrorAwareness(awareness, new Awareness(doc))
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.roomId,
    document: doc,
    token: relay.token,
    awareness: mirror.relayAwareness,
    onStatus: ({ status }) => set(status === 'connected' ? 'connected' : 'connecting'),
    onDisconnect: () => set('offline'),
    onAuthenticationFailed: () => set('denied'),
  })
  gateRelayMessages(provider, doc)
  provider.attach()
  return {
    get state() {
      return state
    },
    get peers() {
      return state === 'connected' ? Math.max(0, awareness.getStates().size - 1) : 0
    },
    holds: (clientId) => state === 'connected' && mirror.relayAwareness.getStates().has(clientId),
    onChange: (listener) => listeners.add(listener),
    connect: () => {
      void socket.connect()
    },
    disconnect: () => {
      socket.disconnect()
      set('offline')
    },
    destroy: () => {
      listeners.clear()
      mirror.stop()
      provider.destroy()
      socket.destroy()
    },
  }
}

/**
 * The relay gets an awareness of its own, mirrored with the room's: HocuspocusProvider puts
 * listeners on its awareness that it never removes and destroys it with itself, while the
 * room's awareness is shared with y-webrtc and the editors and outlives a relay connection.
 * This member's state goes to the relay; teammates' states from the relay join the room's.
 */
function mirrorAwareness(
  room: Awareness,
  relayAwareness: Awareness,
): { relayAwareness: Awareness; stop: () => void } {
  const FROM_RELAY = 'relay'
  const own = room.clientID
  const sendOwn = (): void => relayAwareness.setLocalState(room.getLocalState())
  const onRoomChange = (
    { added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>,
    origin: unknown,
  ): void => {
    if (origin !== FROM_RELAY && [...added, ...updated, ...removed].includes(own)) sendOwn()
  }
  const onRelayUpdate = (
    { added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>,
    origin: unknown,
  ): void => {
    if (origin === 'local') return
    const teammates = [...added, ...updated, ...removed].filter((client) => client !== own)
    if (teammates.length === 0) return
    applyAwarenessUpdate(room, encodeAwarenessUpdate(relayAwareness, teammates), FROM_RELAY)
  }
  sendOwn()
  room.on('change', onRoomChange)
  relayAwareness.on('update', onRelayUpdate)
  return {
    relayAwareness,
    stop: () => {
      room.off('change', onRoomChange)
      relayAwareness.off('update', onRelayUpdate)
    },
  }
}

type RelayMessage = Parameters<HocuspocusProvider['onMessage']>[0]

// Hocuspocus's message types (@hocuspocus/provider, MessageType).
const RELAY_SYNC = 0
const RELAY_AWARENESS = 1

/**
 * What the relay passes on comes from teammates' apps like what peers send, so it goes through
 * the same gate (message-check.ts). A refused message is dropped and reported; the relay stays
 * connected, since it carries everyone else's changes too. Accepted document updates are
 * applied here, where an error is seen, and the provider gets the message without its update.
 */
function gateRelayMessages(provider: HocuspocusProvider, doc: Y.Doc): void {
  const receive = provider.onMessage.bind(provider)
  provider.onMessage = (event: RelayMessage) => {
    const bytes = new Uint8Array(event.data as ArrayBuffer)
    let check: PeerMessageCheck
    let documentName = ''
    try {
      const decoder = decoding.createDecoder(bytes)
      documentName = decoding.readVarString(decoder)
      const type = decoding.readVarUint(decoder)
      if (type === RELAY_SYNC) check = checkSyncMessage(decoder)
      else if (type === RELAY_AWARENESS)
        check = checkAwarenessUpdate(decoding.readVarUint8Array(decoder))
      else check = { kind: 'pass' }
    } catch {
      check = { kind: 'refuse', problem: PROBLEMS.relay }
    }
    if (check.kind === 'refuse' || check.kind === 'drop') {
      reportPeerMessageProblem(PROBLEMS.relay)
      return
    }
    if (check.kind === 'pass') return receive(event)
    try {
      Y.applyUpdate(doc, check.update, provider)
    } catch (error) {
      console.warn('ignored an update from the relay that could not be applied', error)
      reportPeerMessageProblem(PROBLEMS.relay)
      return
    }
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, documentName)
    encoding.writeVarUint(encoder, RELAY_SYNC)
    // Sync step 2 or update, as received, with an empty update: the provider's bookkeeping runs.
    encoding.writeVarUint(encoder, check.step2 ? 1 : 2)
    encoding.writeVarUint8Array(encoder, EMPTY_UPDATE)
    const data = encoding.toUint8Array(encoder)
    receive({ ...event, data: data.buffer })
  }
}

const EMPTY_UPDATE = Uint8Array.from([0, 0])
