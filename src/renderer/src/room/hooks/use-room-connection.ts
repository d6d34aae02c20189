/**
 * How the case on screen is connected to its room, and anything a teammate's app sent to it
 * that had to be ignored. The live room holds both, on screen or not.
 */
import { useCallback, useSyncExternalStore } from 'react'
import type { LiveRoom, RoomLink } from '../../sync/live-room'

export function useRoomConnection(room: LiveRoom): RoomLink {
  const subscribe = useCallback((changed: () => void) => room.onLink(changed), [room])
  return useSyncExternalStore(subscribe, () => room.link)
}
