/**
 * The limits that keep one misbehaving client of the signaling server from hurting the others.
 * The defaults leave room for a busy office: y-webrtc sends a handful of small messages per peer
 * when it joins a room (an announcement, an offer or answer, a few network candidates).
 */
export interface SignalingLimits {
  /**
   * Largest message accepted, in bytes. A bigger frame is refused while it arrives, before it is
   * buffered, and its connection is closed (code 1009).
   * @default 1048576 (1 MiB)
   */
  maxMessageBytes: number
  /**
   * Rooms one connection may be subscribed to. Topics beyond it are ignored rather than closing
   * the connection: y-webrtc would reconnect and send the same list again, losing every room.
   * @default 64
   */
  maxTopicsPerConnection: number
  /**
   * Longest topic (room name), in characters; longer or non-string topics are ignored.
   * @default 256
   */
  maxTopicLength: number
  /**
   * Messages a connection may send in a burst; the allowance refills evenly over `windowMs`.
   * A connection that sends faster is closed with code 1008 (policy violation).
   * @default 200
   */
  messagesPerWindow: number
  /**
   * How long the full allowance of `messagesPerWindow` takes to refill, in milliseconds.
   * @default 10000
   */
  windowMs: number
  /**
   * A connection that sends nothing and answers no ping for this long is closed. The server
   * pings a quiet connection after half this time; y-webrtc also pings every 15 s on its own.
   * @default 60000
   */
  idleTimeoutMs: number
  /**
   * Bytes queued for one connection beyond which it gets nothing more: a client that stops
   * reading while others publish to it is cut off instead of growing the server's memory.
   * @default 8388608 (8 MiB)
   */
  maxBufferedBytes: number
  /**
   * Open connections overall; further connection attempts are refused (HTTP 503). Swarmroom's
   * own windows on this computer are counted apart, up to `maxConnectionsPerAddress` of them.
   * @default 512
   */
  maxConnections: number
  /**
   * Open connections from one network address; further attempts are refused (HTTP 429).
   * Programs on this computer share the loopback address; Swarmroom's own windows (their
   * Origin is in `allowedOrigins`) have a pool of this size to themselves.
   * @default 64
   */
  maxConnectionsPerAddress: number
}

export const DEFAULT_SIGNALING_LIMITS: Readonly<SignalingLimits> = Object.freeze({
  maxMessageBytes: 1024 * 1024,
  maxTopicsPerConnection: 64,
  maxTopicLength: 256,
  messagesPerWindow: 200,
  windowMs: 10_000,
  idleTimeoutMs: 60_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxConnections: 512,
  maxConnectionsPerAddress: 64,
})

/** Fills in the defaults and refuses limits that would make the server unusable. */
export function resolveLimits(limits: Partial<SignalingLimits> = {}): SignalingLimits {
  const resolved = { ...DEFAULT_SIGNALING_LIMITS }
  for (const [name, value] of Object.entries(limits) as [keyof SignalingLimits, unknown][]) {
    if (!Object.hasOwn(DEFAULT_SIGNALING_LIMITS, name) || value === undefined) continue
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new Error(`The signaling limit ${name} must be a whole number of at least 1.`)
    }
    resolved[name] = value
  }
  return resolved
}
