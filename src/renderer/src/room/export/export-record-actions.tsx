import { useState } from 'react'
import { swarmroom } from '../../api'

interface ExportRecordActionsProps {
  roomId: string
  exportId: string
  /** False while nothing failed yet: there is nothing to retry, only to cancel. */
  canRetry: boolean
}

/**
 * The owner's way out of an export that did not go: try again now (the backoff is skipped,
 * a help desk's own rate limit is not), or withdraw what is not on the ticket yet.
 */
export function ExportRecordActions(props: ExportRecordActionsProps): React.JSX.Element {
  const { roomId, exportId } = props
  const [busy, setBusy] = useState<'retry' | 'cancel'>()
  const [error, setError] = useState<string>()

  async function run(what: 'retry' | 'cancel'): Promise<void> {
    setBusy(what)
    setError(undefined)
    const result =
      what === 'retry'
        ? await swarmroom.export.retry({ roomId, exportId })
        : await swarmroom.export.cancel({ roomId, exportId })
    setBusy(undefined)
    if (!result.ok) setError(result.error.message)
  }

  return (
    <div className="export-record__actions" role="group" aria-label="What to do with this export">
      {props.canRetry && (
        <button className="button" disabled={busy !== undefined} onClick={() => void run('retry')}>
          {busy === 'retry' ? 'Retrying…' : 'Retry now'}
        </button>
      )}
      <button
        className="button button--danger-quiet"
        disabled={busy !== undefined}
        onClick={() => void run('cancel')}
      >
        {busy === 'cancel' ? 'Cancelling…' : 'Cancel'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
