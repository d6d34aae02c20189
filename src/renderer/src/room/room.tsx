import type { Identity } from '@shared/ipc'
import { ErrorBoundary } from '../common/error-boundary'
import { BackToCases } from './back-to-cases'
import { useCaseDoc } from './hooks/use-case-doc'
import { CaseRoom } from './case-room'

interface RoomProps {
  roomId: string
  identity: Identity
  onLeave: () => void
  onOpenRoom: (roomId: string) => void
}

export function Room({ roomId, identity, onLeave, onOpenRoom }: RoomProps): React.JSX.Element {
  const state = useCaseDoc(roomId, identity)
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
        doc={state.doc}
        awareness={state.awareness}
        onOpenRoom={onOpenRoom}
        saver={state.saver}
        notices={state.notices}
        identity={identity}
        onLeave={onLeave}
      />
    </ErrorBoundary>
  )
}
