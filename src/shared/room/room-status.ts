/** How a room is connected, and how to say so to the person looking at it. */

export type RelayState = 'off' | 'connecting' | 'connected' | 'offline' | 'denied'

/**
 * How this window reaches its teammates: `direct` (WebRTC host, server-reflexive or
 * peer-reflexive candidates), `turn` (at least one WebRTC connection goes through the team's
 * TURN server: a `relay` candidate), `relay` (only through the team relay), `offline` (nobody).
 */
export type ConnectionRoute = 'direct' | 'turn' | 'relay' | 'offline'

export interface RoomStatus {
  /** offline: by choice or no network; connecting: looking for servers; connected: reachable. */
  state: 'offline' | 'connecting' | 'connected'
  /** Other people connected right now. */
  peers: number
  relay: RelayState
  route: ConnectionRoute
  /**
   * Teammates announced in the room whose WebRTC connection has failed to open at least once
   * and is still not open: they are there, but this network cannot reach theirs.
   */
  unreachable: number
}

/** Before anything is known, and when the room is offline. */
export const OFFLINE_STATUS: RoomStatus = {
  state: 'offline',
  peers: 0,
  relay: 'off',
  route: 'offline',
  unreachable: 0,
}

/**
 * Connections being closed, by room id: a new connection to the same room waits for the old
 * one (y-webrtc #47). Module state on purpose: y-webrtc's own room registry is per context too.
 */
export const closingRooms = new Map<string, Promise<void>>()

/**
 * `present` is how many teammates the presence bar shows beside it: the count never says more
 * (a member's second window, or a connection whose presence has not arrived yet, is a connection
 * but not another person in the room).
 */
export function describeStatus(
  status: RoomStatus,
  everConnected: boolean,
  present: number,
): string {
  if (status.state === 'offline') return 'Offline: changes are saved on this computer'
  if (status.state === 'connecting') {
    return everConnected ? 'Reconnecting…' : 'Connecting…'
  }
  const people = Math.min(status.peers, present)
  if (people === 0) return 'Only you are here'
  return `${people} connected`
}

/** How the connection goes, in words; nothing while there is no one to connect to. */
export function describeRoute(status: RoomStatus): string | undefined {
  if (status.state === 'offline') return undefined
  switch (status.route) {
    case 'direct':
      return 'Connected directly'
    case 'turn':
      return "Connected through the team's TURN server"
    case 'relay':
      return 'Connected through the relay'
    case 'offline':
      return status.unreachable > 0
        ? 'A teammate is in the room but cannot be reached from this network. Ask your IT team ' +
            'for STUN/TURN servers and add them in Settings → Network.'
        : undefined
  }
}

export function describeRelay(state: RelayState): string | undefined {
  switch (state) {
    case 'off':
      return undefined
    case 'connecting':
      return 'Connecting to the team relay…'
    case 'connected':
      return 'Team relay connected'
    case 'offline':
      return 'Team relay unreachable: syncing peer to peer only'
    case 'denied':
      return 'The team relay refused the token in Settings'
  }
}
