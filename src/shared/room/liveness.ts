/**
 * Noticing a teammate whose app went away without saying goodbye: killed, crashed, the laptop
 * closed, the network gone. WebRTC alone takes about 7 s to call such a connection
 * "disconnected" and 17 s to close it (libwebrtc's consent checks), so presence would show a
 * teammate who left long ago. Each peer therefore sends a heartbeat on every open connection
 * every beat (one second): an awareness update about nobody, which every y-webrtc client reads
 * as a no-op and nobody passes on. A connection that has sent heartbeats and then stays silent
 * for SILENT_AFTER_MS is closed; y-webrtc then announces afresh, so a teammate who is in fact
 * still there connects again. Peers that never sent a heartbeat (stock y-webrtc) are never
 * judged: silence means nothing from them.
 */
import type { WebrtcProvider } from 'y-webrtc'

/** messageAwareness (1), then an awareness update of one byte: zero states. */
export const HEARTBEAT = Uint8Array.from([1, 1, 0])

/** Three missed heartbeats: a busy but living teammate still makes it, a gone one is dropped. */
const SILENT_AFTER_MS = 3000
/** A beat this much later than planned means this computer stalled, not that peers went quiet. */
const STALLED_AFTER_MS = 2000

interface Hearing {
  lastHeard: number
  /** Whether this peer sends heartbeats, so its silence means something. */
  beats: boolean
}

/** The data channel simple-peer keeps as `_channel`; it is not part of its typed API. */
interface Channel {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
}

function channelOf(peer: unknown): Channel | undefined {
  const channel = (peer as { _channel?: unknown } | null)?._channel
  if (typeof (channel as Channel | undefined)?.addEventListener !== 'function') return undefined
  return channel as Channel
}

function isHeartbeat(data: unknown): boolean {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data
  if (!(bytes instanceof Uint8Array) || bytes.byteLength !== HEARTBEAT.byteLength) return false
  return HEARTBEAT.every((value, index) => bytes[index] === value)
}

export class Liveness {
  /** By simple-peer instance. */
  private readonly hearing = new WeakMap<object, Hearing>()
  private lastBeat = Date.now()

  constructor(
    private readonly provider: WebrtcProvider,
    /** Told the y-webrtc peer id of each connection closed for silence. */
    private readonly onSilent: (peerId: string) => void,
  ) {}

  /** Sends a heartbeat on every open connection and closes those gone silent. */
  beat(now = Date.now()): void {
    const room = this.provider.room
    if (!room) return
    const stalled = now - this.lastBeat > 1000 + STALLED_AFTER_MS
    this.lastBeat = now
    for (const [peerId, conn] of room.webrtcConns) {
      if (!conn.connected) continue
      const hearing = this.hearing.get(conn.peer) ?? this.listen(conn.peer, now)
      if (!hearing) continue
      // Time this computer could not listen (a long update, a sleeping laptop) is nobody's silence.
      if (stalled) hearing.lastHeard = now
      if (hearing.beats && now - hearing.lastHeard > SILENT_AFTER_MS) {
        conn.destroy()
        this.onSilent(peerId)
        continue
      }
      try {
        conn.peer.send(HEARTBEAT)
      } catch {
        // A connection closing right now: it is gone either way.
      }
    }
  }

  /**
   * Listens on the data channel itself, under simple-peer: every message counts, including
   * each chunk of a large update, so a long transfer on a slow network is never taken for silence.
   */
  private listen(peer: object, now: number): Hearing | undefined {
    const channel = channelOf(peer)
    if (!channel) return undefined
    const hearing: Hearing = { lastHeard: now, beats: false }
    channel.addEventListener('message', (event) => {
      hearing.lastHeard = Date.now()
      if (!hearing.beats && isHeartbeat(event.data)) hearing.beats = true
    })
    this.hearing.set(peer, hearing)
    return hearing
  }
}
