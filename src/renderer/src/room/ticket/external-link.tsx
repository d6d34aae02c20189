import type { ReactNode } from 'react'
import { swarmroom } from '../../api'

/** A link that opens in the browser through main, which lets only http(s) addresses out. */
export function ExternalLink({
  url,
  children,
}: {
  url: string
  children: ReactNode
}): React.JSX.Element {
  return (
    <a
      href={url}
      onClick={(event) => {
        event.preventDefault()
        void swarmroom.app.openExternal({ url })
      }}
    >
      {children}
    </a>
  )
}
