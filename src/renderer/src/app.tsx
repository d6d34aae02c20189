import { useEffect, useState } from 'react'
import type { Identity } from '@shared/ipc'
import { swarmroom } from './api'
import { requestPlace } from './case-places'
import { FirstRun } from './first-run'
import { Lobby } from './lobby/lobby'
import { Room } from './room/room'
import { SettingsPage } from './settings/settings-page'
import { useHashRoute } from './use-hash-route'

type IdentityState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; identity: Identity | null }

export function App(): React.JSX.Element {
  const [state, setState] = useState<IdentityState>({ status: 'loading' })
  const [route, navigate] = useHashRoute()

  useEffect(() => {
    void swarmroom.identity
      .get()
      .then((result) =>
        setState(
          result.ok
            ? { status: 'ready', identity: result.value }
            : { status: 'failed', message: result.error.message },
        ),
      )
  }, [])

  // A notification was clicked: show its case, at its place.
  useEffect(
    () =>
      swarmroom.events.on('app:openCase', ({ roomId, place }) => {
        if (place !== undefined) requestPlace(roomId, place)
        navigate({ view: 'room', roomId })
      }),
    [navigate],
  )

  if (state.status === 'loading') return <p className="loading">Starting Swarmroom…</p>
  if (state.status === 'failed')
    return (
      <p className="notice notice--error" role="alert">
        {state.message}
      </p>
    )
  if (!state.identity) {
    return <FirstRun onDone={(identity) => setState({ status: 'ready', identity })} />
  }
  if (route.view === 'settings') {
    return (
      <SettingsPage
        identity={state.identity}
        onIdentityChange={(identity) => setState({ status: 'ready', identity })}
        onClose={() => navigate({ view: 'lobby' })}
      />
    )
  }
  if (route.view === 'room') {
    return (
      <Room
        key={route.roomId}
        roomId={route.roomId}
        identity={state.identity}
        onLeave={() => navigate({ view: 'lobby' })}
      />
    )
  }
  return (
    <Lobby
      identity={state.identity}
      onOpen={(roomId, place) => {
        if (place !== undefined) requestPlace(roomId, place)
        navigate({ view: 'room', roomId })
      }}
      onSettings={() => navigate({ view: 'settings' })}
    />
  )
}
