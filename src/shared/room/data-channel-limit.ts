/**
 * The largest message one WebRTC data channel carries. Both ends announce it in their SDP
 * (`a=max-message-size`); Chromium and libwebrtc, @roamhq/wrtc included, announce 262,144 bytes
 * (256 KiB) and the connection reports it as `sctp.maxMessageSize`. Measured between two
 * @roamhq/wrtc peers: messages up to exactly 262,144 bytes arrive whole, 16 KiB or 256 KiB
 * alike; one byte more and `send` does not throw, but the data channel closes on both sides,
 * so y-webrtc loses the connection, reconnects, resends the same message and loses it again.
 */

/** What every implementation takes; Firefox announces more, and is held to this too. */
export const DATA_CHANNEL_LIMIT = 256 * 1024

/** The limit of `peer`'s (a simple-peer instance's) connection: at most DATA_CHANNEL_LIMIT. */
export function messageLimitOf(peer: object): number {
  const pc = (peer as { _pc?: { sctp?: { maxMessageSize?: unknown } | null } })._pc
  const announced = pc?.sctp?.maxMessageSize
  // 0 or Infinity mean no limit announced; anything else below ours is the peer's own.
  if (typeof announced !== 'number' || !(announced > 0)) return DATA_CHANNEL_LIMIT
  return Math.min(announced, DATA_CHANNEL_LIMIT)
}
