/**
 * The case on screen, from the window's room sync: at once when it was syncing in the
 * background, loaded from disk and joined otherwise. Leaving hands it back, to keep syncing
 * if it is active.
 */
import { useEffect, useState } from 'react'
import type { LiveRoom } from '../../sync/live-room'
import { roomSync } from '../../sync/room-sync'

export type LiveRoomState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; room: LiveRoom }

export function useLiveRoom(roomId: string): LiveRoomState {
  const [state, setState] = useState<LiveRoomState>({ status: 'loading' })

  useEffect(() => {
    let cancelled = false
    roomSync.show(roomId).then(
      (room) => {
        if (!cancelled) setState({ status: 'ready', room })
      },
      (error: unknown) => {
        if (cancelled) return
        setState({
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        })
      },
    )
    return () => {
      cancelled = true
      roomSync.leave(roomId)
    }
  }, [roomId])

  return state
}
