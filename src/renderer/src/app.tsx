import { useEffect, useState } from 'react'
import type { Identity } from '@shared/ipc'
import { swarmroom } from './api'
import { AppView } from './app-view'
import { UpdateBanner } from './common/update-banner'
import { requestPlace } from './case-places'
import { FirstRun } from './first-run'
import { JoinDialog } from './lobby/join-dialog'
import { useDeepLinks } from './use-deep-links'
import { useHashRoute } from './use-hash-route'

type IdentityState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; identity: Identity | null }

export function App(): React.JSX.Element {
  const [state, setState] = useState<IdentityState>({ status: 'loading' })
  const [route, navigate] = useHashRoute()
  const [joinLink, setJoinLink] = useDeepLinks()

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
  return (
    <>
      <UpdateBanner />
      <AppView
        identity={state.identity}
        route={route}
        navigate={navigate}
        onIdentityChange={(identity) => setState({ status: 'ready', identity })}
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
