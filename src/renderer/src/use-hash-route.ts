import { useCallback, useEffect, useState } from 'react'

export type Route =
  { view: 'lobby' } | { view: 'settings' } | { view: 'insights' } | { view: 'room'; roomId: string }

function parse(hash: string): Route {
  if (hash === '#/settings') return { view: 'settings' }
  if (hash === '#/insights') return { view: 'insights' }
  const match = /^#\/case\/([A-Za-z0-9_-]{8,64})$/.exec(hash)
  return match?.[1] ? { view: 'room', roomId: match[1] } : { view: 'lobby' }
}

function format(route: Route): string {
  if (route.view === 'room') return `#/case/${route.roomId}`
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
