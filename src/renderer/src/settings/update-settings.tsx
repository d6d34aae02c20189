import { useEffect, useState, type FormEvent } from 'react'
import type { UpdateStatus } from '@shared/channels/desktop'
import { swarmroom } from '../api'
import { SettingsActions } from './settings-actions'

/** Where Swarmroom looks for new versions: the team's own update folder, or nowhere. */
export function UpdateSettings(): React.JSX.Element {
  const [url, setUrl] = useState<string>()
  const [status, setStatus] = useState<UpdateStatus>()
  const [message, setMessage] = useState<{ error: boolean; text: string }>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void swarmroom.app.updates().then((result) => {
      if (!result.ok) return setMessage({ error: true, text: result.error.message })
      setUrl(result.value.url)
      setStatus(result.value.status)
    })
    return swarmroom.events.on('app:updateReady', ({ version }) =>
      setStatus({ state: 'ready', version }),
    )
  }, [])

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (url === undefined) return
    setBusy(true)
    const result = await swarmroom.app.setUpdateUrl({ url: url.trim() })
    setBusy(false)
    if (!result.ok) return setMessage({ error: true, text: result.error.message })
    setStatus(result.value.status)
    setMessage({ error: false, text: 'Saved.' })
  }

  if (url === undefined) {
    return (
      <p className={message?.error ? 'field-error' : 'loading'}>{message?.text ?? 'Loading…'}</p>
    )
  }
  return (
    <form className="settings__form" onSubmit={(event) => void save(event)}>
      <label className="field">
        <span>Update address (from your IT team; leave empty for no automatic updates)</span>
        <input
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="https://downloads.example.com/swarmroom/"
        />
      </label>
      {status && (
        <p className={status.state === 'error' ? 'field-error' : 'settings__hint'} role="status">
          {describe(status)}
        </p>
      )}
      <SettingsActions message={message}>
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Save and check now'}
        </button>
      </SettingsActions>
    </form>
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
