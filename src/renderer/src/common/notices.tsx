import { useState } from 'react'
import type { Notice } from '@shared/ipc'

/** Things the user must know (a damaged file set aside, say), each dismissible. */
export function Notices({ notices }: { notices: readonly Notice[] }): React.JSX.Element | null {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  const visible = notices.filter((notice) => !dismissed.has(notice.id))
  if (visible.length === 0) return null
  return (
    <div className="notices">
      {visible.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.level}`} role="alert">
          <p>{notice.message}</p>
          <button
            className="button button--quiet"
            onClick={() => setDismissed(new Set([...dismissed, notice.id]))}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
