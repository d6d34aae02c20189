/**
 * Who may open a WebSocket to the signaling server. Browsers let any web page connect to
 * ws://127.0.0.1, but they always say which page is asking (the `Origin` header, which a page
 * cannot change): a request from a page other than Swarmroom's own is refused. Requests with
 * no Origin come from programs (y-webrtc in Node, other apps' main processes) and are let in
 * under the connection limits, like every teammate on the LAN.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { SignalingLimits } from './signaling-limits'

export interface Refusal {
  status: 403 | 429 | 503
  reason: string
}

export class SignalingAdmission {
  private readonly allowedOrigins: ReadonlySet<string>
  /** Everyone but this computer's own windows: teammates, programs, strangers on the LAN. */
  private readonly others: SocketCounter
  /**
   * This computer's Swarmroom windows (loopback, the app's Origin) have a pool of their own, as
   * large as one address's share: strangers cannot fill it, so they never take a window's place.
   * Only a program on this computer could claim the app's Origin, and it could fill no more.
   * Teammates' windows on other computers send the same Origin, but over the LAN it cannot be
   * told from a forged one, so they share the limits with everyone else.
   */
  private readonly ownWindows: SocketCounter

  constructor(
    private readonly limits: SignalingLimits,
    allowedOrigins: readonly string[],
    onClose: () => void,
  ) {
    this.allowedOrigins = new Set(allowedOrigins)
    this.others = new SocketCounter(onClose)
    this.ownWindows = new SocketCounter(onClose)
  }

  /**
   * Admits an upgrade request, counting its socket until it closes, or says why not:
   * a foreign page (403), too many connections from its address (429) or overall (503).
   */
  admit(request: IncomingMessage, socket: Duplex, address: string): Refusal | undefined {
    const origin = request.headers.origin
    if (origin !== undefined && !this.allowedOrigins.has(origin)) {
      return { status: 403, reason: 'Only Swarmroom may use its signaling server.' }
    }
    if (origin !== undefined && isLoopback(address)) {
      if (this.ownWindows.total >= this.limits.maxConnectionsPerAddress) {
        return { status: 429, reason: 'Too many Swarmroom windows are connected.' }
      }
      this.ownWindows.add(socket, address)
      return undefined
    }
    if (this.others.total >= this.limits.maxConnections) {
      return { status: 503, reason: 'The signaling server has too many connections.' }
    }
    if (this.others.from(address) >= this.limits.maxConnectionsPerAddress) {
      return { status: 429, reason: 'Too many connections from this address.' }
    }
    // Counted from the upgrade until the socket closes, so a failed handshake frees its place.
    this.others.add(socket, address)
    return undefined
  }
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (a server bound to `::`). */
function isLoopback(address: string): boolean {
  return /^(::ffff:)?127\./i.test(address) || address === '::1'
}

/** Counts open upgraded sockets, overall and by remote address. */
class SocketCounter {
  private readonly byAddress = new Map<string, number>()
  total = 0

  constructor(private readonly onClose: () => void) {}

  from(address: string): number {
    return this.byAddress.get(address) ?? 0
  }

  add(socket: Duplex, address: string): void {
    this.total += 1
    this.byAddress.set(address, this.from(address) + 1)
    socket.once('close', () => {
      this.total -= 1
      const left = this.from(address) - 1
      if (left > 0) this.byAddress.set(address, left)
      else this.byAddress.delete(address)
      this.onClose()
    })
  }
}

/**
 * The Origin a browser sends for WebSockets from a page at `pageUrl`: its origin for web pages;
 * scheme and host for the app's own standard scheme (`app://swarmroom`, which Chromium treats
 * like a web origin); `file://` for a file. Node's URL says `null` for both of the last two,
 * which any sandboxed frame of any web page also sends, so `null` is never accepted.
 * @example browserOrigin('http://127.0.0.1:5173/index.html') // 'http://127.0.0.1:5173'
 * @example browserOrigin('app://swarmroom/index.html') // 'app://swarmroom'
 */
export function browserOrigin(pageUrl: string): string {
  const url = new URL(pageUrl)
  if (url.protocol === 'file:') return 'file://'
  if (url.origin === 'null') return `${url.protocol}//${url.host}`
  return url.origin
}
