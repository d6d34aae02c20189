import { useCallback, useEffect, useState } from 'react'

export type Route =
  | { view: 'lobby' }
  /** `connectionId`: open that help-desk connection for editing (a refused login points here). */
  | { view: 'settings'; connectionId?: string }
  | { view: 'insights' }
  | { view: 'room'; roomId: string }

const CONNECTION_SETTINGS = /^#\/settings\/help-desks\/([A-Za-z0-9_-]{1,200})$/

/** The address of a help-desk connection's settings, for a link or a button. */
export function connectionSettingsHash(connectionId: string): string {
  return `#/settings/help-desks/${encodeURIComponent(connectionId)}`
}

function parse(hash: string): Route {
  if (hash === '#/settings') return { view: 'settings' }
  if (hash === '#/insights') return { view: 'insights' }
  const connection = CONNECTION_SETTINGS.exec(hash)?.[1]
  if (connection) return { view: 'settings', connectionId: connection }
  const match = /^#\/case\/([A-Za-z0-9_-]{8,64})$/.exec(hash)
  return match?.[1] ? { view: 'room', roomId: match[1] } : { view: 'lobby' }
}

function format(route: Route): string {
  if (route.view === 'room') return `#/case/${route.roomId}`
  if (route.view === 'settings' && route.connectionId) {
    return connectionSettingsHash(route.connectionId)
  }
  if (route.view === 'settings' || route.view === 'insights') return `#/${route.view}`
  return '#/'
}

/** The current view lives in the URL hash, so a reload comes back to the same case. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parse(window.location.hash))
  useEffect(() => {
    const onChange = (): void => setRoute(parse(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const navigate = useCallback((next: Route): void => {
    window.location.hash = format(next)
  }, [])
  return [route, navigate]
}
