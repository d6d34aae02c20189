import { useEffect, useState } from 'react'
import type { SaveState, UpdateSaver } from '@shared/room/update-saver'

/** Always says whether what the user typed is on this computer's disk yet. */
export function SaveStatus({ saver }: { saver: UpdateSaver }): React.JSX.Element {
  const [state, setState] = useState<SaveState>(saver.state)
  useEffect(() => saver.onChange(setState), [saver])

  if (state.kind === 'gone') {
    return (
      <div className="save-status save-status--failed" role="alert">
        <span>Not saved: {state.message}</span>
      </div>
    )
  }
  if (state.kind === 'failed') {
    return (
      <div className="save-status save-status--failed" role="alert">
        <span>
          Not saved yet. {state.message} Trying again in {Math.round(state.retryInMs / 1000)} s.
        </span>
        <button className="button button--quiet" onClick={() => saver.retryNow()}>
          Try now
        </button>
      </div>
    )
  }
  return (
    <span className="save-status" role="status" aria-label="Saving" data-state={state.kind}>
      {state.kind === 'saving' ? (
        'Saving…'
      ) : (
        <>
          Saved<span className="save-status__where"> on this computer</span>
        </>
      )}
    </span>
  )
}
