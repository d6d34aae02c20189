/**
 * The team relay: a Hocuspocus server that keeps a room available when every member is offline
 * and carries rooms larger than a WebRTC mesh holds. It sees the document like any Yjs server
 * (it stores and merges it), so it belongs on the team's own infrastructure, behind TLS and a
 * token. The room key is never sent to it.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
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
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.roomId,
    document: doc,
    token: relay.token,
    awareness,
    onStatus: ({ status }) => set(status === 'connected' ? 'connected' : 'connecting'),
    onDisconnect: () => set('offline'),
    onAuthenticationFailed: () => set('denied'),
  })
  provider.attach()
  return {
    get state() {
      return state
    },
    get peers() {
      return state === 'connected' ? Math.max(0, awareness.getStates().size - 1) : 0
    },
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
      // HocuspocusProvider.destroy() would also destroy the awareness, which the room shares
      // with y-webrtc and the editors and which outlives a relay (turning it off and on).
      awareness.off('update', provider.boundAwarenessUpdateHandler)
      provider.configuration.awareness = null
      provider.destroy()
      socket.destroy()
    },
  }
}
