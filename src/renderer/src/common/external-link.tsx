import type { ReactNode } from 'react'

/**
 * A link to the help desk. It opens in the browser: main's window-open handler lets only
 * http(s) addresses out and never opens a window of the app for them (src/main/security.ts).
 */
export function ExternalLink({
  url,
  children,
}: {
  url: string
  children: ReactNode
}): React.JSX.Element {
  return (
    <a href={url} target="_blank" rel="noreferrer">
      {children}
    </a>
  )
}
