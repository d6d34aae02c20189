import type { Identity } from '@shared/ipc'
import { ErrorBoundary } from '../common/error-boundary'
import { BackToCases } from './back-to-cases'
import { useLiveRoom } from './hooks/use-live-room'
import { CaseRoom } from './case-room'

interface RoomProps {
  roomId: string
  identity: Identity
  onLeave: () => void
  onOpenRoom: (roomId: string) => void
}

export function Room({ roomId, identity, onLeave, onOpenRoom }: RoomProps): React.JSX.Element {
  const state = useLiveRoom(roomId)
  if (state.status === 'loading') return <p className="loading">Opening case…</p>
  if (state.status === 'failed') {
    return (
      <main className="room-error">
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
        <BackToCases onLeave={onLeave} />
      </main>
    )
  }
  return (
    <ErrorBoundary label="Case room" actions={<BackToCases onLeave={onLeave} />}>
      <CaseRoom
        roomId={roomId}
        room={state.room}
        doc={state.room.doc}
        awareness={state.room.awareness}
        onOpenRoom={onOpenRoom}
        saver={state.room.saver}
        notices={state.room.notices}
        identity={identity}
        onLeave={onLeave}
      />
    </ErrorBoundary>
  )
}
