/**
 * The team relay's address. The relay token travels to it, and everything a room sends when
 * the relay carries it, so only `wss://` is accepted, as for help desks' https rule; plain
 * `ws://` only for this computer's own addresses (a relay for testing, a local tunnel), which
 * never cross a network.
 */
import { isSignalingUrl } from './invite'

/** `wss://relay.example.com`, or `ws://` to 127.0.0.0/8, localhost or [::1]. */
export function isRelayUrl(text: string): boolean {
  if (!isSignalingUrl(text)) return false
  const url = new URL(text)
  return url.protocol === 'wss:' || isLoopbackHost(url.hostname)
}

function isLoopbackHost(hostname: string): boolean {
  // URL writes IPv4 hosts in full (`127.1` becomes `127.0.0.1`) and IPv6 ones in brackets.
  return (
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
    hostname.toLowerCase() === 'localhost' ||
    hostname === '[::1]'
  )
}
