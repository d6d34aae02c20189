/** The rooms channels (and the network settings rooms connect with): thin calls into rooms/. */
import type { roomsChannels } from '@shared/channels/rooms'
import type { HandlersOf } from '../ipc-dispatch'
import type { KeyRotation } from './key-rotation'
import type { RoomHistory } from './room-history'
import type { RoomNetwork } from './room-network'

export interface RoomsHandlerServices {
  roomHistory: RoomHistory
  roomNetwork: RoomNetwork
  keyRotation: KeyRotation
}

export function createRoomsHandlers({
  roomHistory,
  roomNetwork,
  keyRotation,
}: RoomsHandlerServices): HandlersOf<typeof roomsChannels> {
  return {
    'room:load': ({ roomId }) => roomHistory.load(roomId),
    'room:append': ({ roomId, update, unseen }) => {
      roomHistory.append(roomId, update, unseen)
      return null
    },
    'room:seen': ({ roomId }) => {
      roomHistory.seen(roomId)
      return null
    },
    'room:close': ({ roomId }) => {
      roomHistory.close(roomId)
      return null
    },
    'settings:getNetwork': () => roomNetwork.state(),
    'settings:setNetwork': ({ relayToken, iceServers, ...settings }) =>
      roomNetwork.setSettings(settings, relayToken, iceServers),
    'room:connection': ({ roomId }) => roomNetwork.connection(roomId),
    'room:invite': async ({ roomId }) => ({ link: await roomNetwork.invite(roomId) }),
    'room:setRelay': ({ roomId, relay }) => roomNetwork.setRelay(roomId, relay),
    'room:rotateKey': ({ roomId }) => keyRotation.rotate(roomId),
  }
}
