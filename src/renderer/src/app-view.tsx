import { lazy, Suspense, useEffect } from 'react'
import type { Identity } from '@shared/ipc'
import { requestPlace } from './case-places'
import { Lobby } from './lobby/lobby'
import type { Route } from './use-hash-route'

// The editors, sync and review code are most of the bundle, and the lobby runs none of it:
// each screen is its own chunk, loaded when it is first opened.
const Room = lazy(() => import('./room/room').then((module) => ({ default: module.Room })))
const InsightsPage = lazy(() =>
  import('./insights/insights-page').then((module) => ({ default: module.InsightsPage })),
)
const SettingsPage = lazy(() =>
  import('./settings/settings-page').then((module) => ({ default: module.SettingsPage })),
)

interface AppViewProps {
  identity: Identity
  route: Route
  navigate: (route: Route) => void
  onIdentityChange: (identity: Identity) => void
  onJoin: () => void
}

/** The page the route names: the lobby, a case room or the settings. */
export function AppView(props: AppViewProps): React.JSX.Element {
  const { identity, route, navigate } = props
  useEffect(() => {
    // Its own chunk, with the sync code the lobby does not run itself, once the lobby is up.
    void import('./sync/room-sync').then(({ roomSync }) => roomSync.start(identity))
  }, [identity])
  if (route.view === 'settings') {
    return (
      <Suspense fallback={<p className="loading">Opening the settings…</p>}>
        <SettingsPage
          identity={identity}
          onIdentityChange={props.onIdentityChange}
          {...(route.connectionId ? { openConnection: route.connectionId } : {})}
          onClose={() => navigate({ view: 'lobby' })}
        />
      </Suspense>
    )
  }
  if (route.view === 'insights') {
    return (
      <Suspense fallback={<p className="loading">Opening the insights…</p>}>
        <InsightsPage onClose={() => navigate({ view: 'lobby' })} />
      </Suspense>
    )
  }
  if (route.view === 'room') {
    return (
      <Suspense fallback={<p className="loading">Opening the case…</p>}>
        <Room
          key={route.roomId}
          roomId={route.roomId}
          identity={identity}
          onLeave={() => navigate({ view: 'lobby' })}
          onOpenRoom={(roomId) => navigate({ view: 'room', roomId })}
        />
      </Suspense>
    )
  }
  return (
    <Lobby
      identity={identity}
      onOpen={(roomId, place) => {
        if (place !== undefined) requestPlace(roomId, place)
        navigate({ view: 'room', roomId })
      }}
      onSettings={() => navigate({ view: 'settings' })}
      onInsights={() => navigate({ view: 'insights' })}
      onJoin={props.onJoin}
    />
  )
}
