import { useEffect, useState } from 'react'
import { swarmroom } from './api'

/**
 * The invite link to show in the join dialog: one that opened the app, or one opened later
 * from the OS. `undefined` when no join is under way; `''` when the user is pasting one.
 */
export function useDeepLinks(): [string | undefined, (link: string | undefined) => void] {
  const [link, setLink] = useState<string>()
  useEffect(() => {
    const stop = swarmroom.events.on('app:deepLink', ({ url }) => setLink(url))
    void swarmroom.app.takeDeepLink().then((result) => {
      if (result.ok && result.value.url) setLink(result.value.url)
    })
    return stop
  }, [])
  return [link, setLink]
}
