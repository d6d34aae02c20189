import { useEffect, useState } from 'react'
import type { KeyProtectionStatus } from '@shared/channels/desktop'
import type { Identity } from '@shared/ipc'
import { swarmroom } from './api'
import { AppView } from './app-view'
import { UpdateBanner } from './common/update-banner'
import { requestPlace } from './case-places'
import { FirstRun } from './first-run'
import { KeyProtectionScreen } from './keys/key-protection-screen'
import { JoinDialog } from './lobby/join-dialog'
import { useDeepLinks } from './use-deep-links'
import { useHashRoute } from './use-hash-route'

type IdentityState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; identity: Identity | null; keys: KeyProtectionStatus }

export function App(): React.JSX.Element {
  const [state, setState] = useState<IdentityState>({ status: 'loading' })
  const [route, navigate] = useHashRoute()
  const [joinLink, setJoinLink] = useDeepLinks()

  useEffect(() => {
    void Promise.all([swarmroom.identity.get(), swarmroom.app.keyProtection()]).then(
      ([identity, keys]) => {
        if (!identity.ok) setState({ status: 'failed', message: identity.error.message })
        else if (!keys.ok) setState({ status: 'failed', message: keys.error.message })
        else setState({ status: 'ready', identity: identity.value, keys: keys.value })
      },
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
  const { keys } = state
  if (!state.identity) {
    return <FirstRun onDone={(identity) => setState({ status: 'ready', identity, keys })} />
  }
  // After the first run's name: room keys cannot be used until the user chooses or unlocks.
  if (keys.state === 'choose' || keys.state === 'locked') {
    const identity = state.identity
    return (
      <KeyProtectionScreen
        status={{ ...keys, state: keys.state }}
        onDone={(unlocked) => setState({ status: 'ready', identity, keys: unlocked })}
      />
    )
  }
  return (
    <>
      <UpdateBanner />
      <AppView
        identity={state.identity}
        route={route}
        navigate={navigate}
        onIdentityChange={(identity) => setState({ status: 'ready', identity, keys })}
        onJoin={() => setJoinLink('')}
      />
      {joinLink !== undefined && (
        <JoinDialog
          key={joinLink}
          initialLink={joinLink}
          onCancel={() => setJoinLink(undefined)}
          onJoined={(summary) => {
            setJoinLink(undefined)
            navigate({ view: 'room', roomId: summary.roomId })
          }}
        />
      )}
    </>
  )
}
