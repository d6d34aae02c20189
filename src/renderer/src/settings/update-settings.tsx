import type { UpdateStatus } from '@shared/channels/desktop'
import type { UpdateSettings } from './use-update-settings'

/** The update address and how the last check went. */
export function UpdateFields({ part }: { part: UpdateSettings }): React.JSX.Element {
  if (part.url === undefined) {
    return <p className={part.problem ? 'field-error' : 'loading'}>{part.problem ?? 'Loading…'}</p>
  }
  const { status } = part
  return (
    <>
      <label className="field">
        <span>Update address (from your IT team; leave empty for no automatic updates)</span>
        <input
          value={part.url}
          onChange={(event) => part.setUrl(event.target.value)}
          placeholder="https://downloads.example.com/swarmroom/"
        />
      </label>
      {status && (
        <p className={status.state === 'error' ? 'field-error' : 'settings__hint'} role="status">
          {describe(status)}
        </p>
      )}
    </>
  )
}

function describe(status: UpdateStatus): string {
  switch (status.state) {
    case 'off':
      return 'Automatic updates are off.'
    case 'checking':
      return 'Checking for a new version…'
    case 'idle':
      return 'Swarmroom is up to date. It checks again every day.'
    case 'ready':
      return `Version ${status.version} is ready: it is installed when you quit Swarmroom.`
    case 'error':
      return status.message
  }
}
