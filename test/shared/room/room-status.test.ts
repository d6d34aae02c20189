import { describe, expect, it } from 'vitest'
import {
  describeStatus,
  OFFLINE_STATUS,
  type RoomStatus,
} from '../../../src/shared/room/room-status'

const connected = (peers: number): RoomStatus => ({
  ...OFFLINE_STATUS,
  state: 'connected',
  peers,
  route: 'direct',
})

describe('the connection status beside the presence bar', () => {
  it('never says more people are connected than the presence bar shows', () => {
    // A member's second window is a connection, not another person.
    expect(describeStatus(connected(2), true, 1)).toBe('1 connected')
    // Connected before their presence has arrived: nobody is shown yet.
    expect(describeStatus(connected(1), true, 0)).toBe('Only you are here')
  })

  it('counts the connections when the bar shows more (presence through the relay lingers)', () => {
    expect(describeStatus(connected(1), true, 3)).toBe('1 connected')
    expect(describeStatus(connected(3), true, 3)).toBe('3 connected')
  })

  it('says offline and reconnecting whatever the bar shows', () => {
    expect(describeStatus(OFFLINE_STATUS, true, 2)).toBe(
      'Offline: changes are saved on this computer',
    )
    expect(describeStatus({ ...connected(0), state: 'connecting' }, true, 2)).toBe('Reconnecting…')
  })
})
