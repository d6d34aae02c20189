/** How a room is connected, and how to say so to the person looking at it. */

export type RelayState = 'off' | 'connecting' | 'connected' | 'offline' | 'denied'

export interface RoomStatus {
  /** offline: by choice or no network; connecting: looking for servers; connected: reachable. */
  state: 'offline' | 'connecting' | 'connected'
  /** Other people connected right now. */
  peers: number
  relay: RelayState
}

/**
 * Connections being closed, by room id: a new connection to the same room waits for the old
 * one (y-webrtc #47). Module state on purpose: y-webrtc's own room registry is per context too.
 */
export const closingRooms = new Map<string, Promise<void>>()

export function describeStatus(status: RoomStatus, everConnected: boolean): string {
  if (status.state === 'offline') return 'Offline: changes are saved on this computer'
  if (status.state === 'connecting') {
    return everConnected ? 'Reconnecting…' : 'Connecting…'
  }
  if (status.peers === 0) return 'Only you are here'
  return `${status.peers} connected`
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
