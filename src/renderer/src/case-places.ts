/**
 * Requests to show a place in a case (a section, a timeline entry): from a notification click
 * or a search result. The request waits here until that case's room is open to take it.
 */
import { useEffect, useRef } from 'react'

const pending = new Map<string, string>()
const listeners = new Map<string, (place: string) => void>()

/** Asks the room of `roomId` to show `place`, now if it is open, or as soon as it opens. */
export function requestPlace(roomId: string, place: string): void {
  const listener = listeners.get(roomId)
  if (listener) listener(place)
  else pending.set(roomId, place)
}

/** Calls `onPlace` for every place requested in this room, including one that was waiting. */
export function usePlaceRequests(roomId: string, onPlace: (place: string) => void): void {
  const latest = useRef(onPlace)
  useEffect(() => {
    latest.current = onPlace
  })
  useEffect(() => {
    const listener = (place: string): void => latest.current(place)
    listeners.set(roomId, listener)
    const waiting = pending.get(roomId)
    pending.delete(roomId)
    if (waiting !== undefined) listener(waiting)
    return () => {
      if (listeners.get(roomId) === listener) listeners.delete(roomId)
    }
  }, [roomId])
}
