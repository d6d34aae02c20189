/**
 * How the case on screen is connected to its room (the live room holds the connection, on
 * screen or not), and anything a teammate's app sent that had to be ignored.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { onPeerMessageProblem } from '@shared/room/peer-messages'
import type { LiveRoom, RoomLink } from '../../sync/live-room'

export interface ShownLink extends RoomLink {
  /** Something a teammate's app sent that had to be ignored; the room carries on. */
  peerProblem?: string
}

export function useRoomConnection(room: LiveRoom): ShownLink {
  const subscribe = useCallback((changed: () => void) => room.onLink(changed), [room])
  const link: RoomLink = useSyncExternalStore(subscribe, () => room.link)
  const [peerProblem, setPeerProblem] = useState<string>()
  useEffect(() => onPeerMessageProblem(setPeerProblem), [])
  return peerProblem === undefined ? link : { ...link, peerProblem }
}
