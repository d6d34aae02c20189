/**
 * STUN and TURN server addresses as RTCPeerConnection takes them (RFC 7064, RFC 7065):
 * `stun:host[:port]`, `turn:host[:port][?transport=udp|tcp]`, and `turns:host[:port]` for TURN
 * over TLS (`?transport=tcp` allowed, it is the only one). The host is a name, an IPv4 address
 * or an IPv6 address in brackets.
 */

const HOST = String.raw`(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])`
const PORT = String.raw`(?::(?:6553[0-5]|655[0-2]\d|65[0-4]\d{2}|6[0-4]\d{3}|[1-5]\d{4}|[1-9]\d{0,3}))?`

const PATTERNS = {
  stun: new RegExp(`^stun:${HOST}${PORT}$`, 'i'),
  turn: new RegExp(`^turn:${HOST}${PORT}(?:\\?transport=(?:udp|tcp))?$`, 'i'),
  turns: new RegExp(`^turns:${HOST}${PORT}(?:\\?transport=tcp)?$`, 'i'),
}

export type IceServerKind = keyof typeof PATTERNS

/** What kind of server an address names, or undefined when it is not a valid one. */
export function iceServerKind(text: string): IceServerKind | undefined {
  for (const kind of ['stun', 'turn', 'turns'] as const) {
    if (PATTERNS[kind].test(text)) return kind
  }
  return undefined
}

/** TURN (plain or TLS) needs a username and credential; STUN takes none. */
export function needsCredential(text: string): boolean {
  const kind = iceServerKind(text)
  return kind === 'turn' || kind === 'turns'
}
