/**
 * The team relay: a stock Hocuspocus server that keeps a room available when every member is
 * offline and carries rooms larger than a WebRTC mesh holds. It never reads a case: it syncs a
 * relay document of sealed entries (relay-entries.ts) and sealed presence (relay-presence.ts),
 * both encrypted with a key derived from the room key (relay-cipher.ts). The relay token only
 * admits a member; the room key is never sent to it. What the relay still learns: the room id,
 * how many members are connected, when and how much they write.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { relayCipher } from './relay-cipher'
import { RelayEntries } from './relay-entries'
import { gateRelayMessages } from './relay-gate'
import { RelayPresence } from './relay-presence'
import type { RelayState } from './room-status'

/**
 * The relay's name for a room's document. Relays used by versions that synced the case in the
 * clear hold it under the bare room id; a sealed room never reads or writes that one.
 */
export function relayDocumentName(roomId: string): string {
  return `sealed:v1:${roomId}`
}

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
  options: { roomId: string; key: string; relay?: RelayOptions },
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
  // Garbage collection on: what compaction deletes is dropped, not kept as history.
  const relayDoc = new Y.Doc({ gc: true })
  const relayAwareness = new Awareness(relayDoc)
  let entries: RelayEntries | undefined
  let presence: RelayPresence | undefined
  let destroyed = false
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: relayDocumentName(options.roomId),
    document: relayDoc,
    token: relay.token,
    awareness: relayAwareness,
    onStatus: ({ status }) => set(status === 'connected' ? 'connected' : 'connecting'),
    onDisconnect: () => set('offline'),
    onAuthenticationFailed: () => set('denied'),
    onSynced: () => entries?.catchUp(),
  })
  gateRelayMessages(provider, relayDoc)
  // Nothing is sent before the key is ready, so nothing leaves unsealed.
  void relayCipher(options.key, options.roomId).then((cipher) => {
    if (destroyed) return
    // The lowest relay client id compacts first: every member sees the same list.
    const compactsFirst = (): boolean =>
      Math.min(...relayAwareness.getStates().keys()) === relayAwareness.clientID
    entries = new RelayEntries(doc, relayDoc, cipher, compactsFirst)
    presence = new RelayPresence(awareness, relayAwareness, cipher)
    provider.attach()
  })
  return {
    get state() {
      return state
    },
    get peers() {
      return state === 'connected' ? (presence?.count ?? 0) : 0
    },
    holds: (clientId) => state === 'connected' && (presence?.holds(clientId) ?? false),
    onChange: (listener) => listeners.add(listener),
    connect: () => {
      void socket.connect()
    },
    disconnect: () => {
      socket.disconnect()
      set('offline')
    },
    destroy: () => {
      destroyed = true
      listeners.clear()
      entries?.stop()
      presence?.stop()
      provider.destroy()
      socket.destroy()
      relayDoc.destroy()
    },
  }
}
