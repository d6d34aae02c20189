import type { Identity } from '@shared/ipc'
import { requestPlace } from './case-places'
import { Lobby } from './lobby/lobby'
import { Room } from './room/room'
import { SettingsPage } from './settings/settings-page'
import type { Route } from './use-hash-route'

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
  if (route.view === 'settings') {
    return (
      <SettingsPage
        identity={identity}
        onIdentityChange={props.onIdentityChange}
        onClose={() => navigate({ view: 'lobby' })}
      />
    )
  }
  if (route.view === 'room') {
    return (
      <Room
        key={route.roomId}
        roomId={route.roomId}
        identity={identity}
        onLeave={() => navigate({ view: 'lobby' })}
        onOpenRoom={(roomId) => navigate({ view: 'room', roomId })}
      />
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
      onJoin={props.onJoin}
    />
  )
}
