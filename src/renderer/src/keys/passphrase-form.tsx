import { useRef, useState, type FormEvent } from 'react'
import type { KeyProtectionStatus } from '@shared/channels/desktop'
import { swarmroom } from '../api'

/**
 * Sets a new passphrase (typed twice) or unlocks with the one set before. Errors show under
 * the fields; the first field has the focus again after one, so the user can retype at once.
 */
export function PassphraseForm({
  mode,
  onDone,
}: {
  mode: 'create' | 'unlock'
  onDone: (status: KeyProtectionStatus) => void
}): React.JSX.Element {
  const [passphrase, setPassphrase] = useState('')
  const [repeated, setRepeated] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const field = useRef<HTMLInputElement>(null)

  function fail(message: string): void {
    setError(message)
    field.current?.focus()
    field.current?.select()
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (mode === 'create' && passphrase !== repeated) {
      fail('The two passphrases are not the same. Type the same passphrase twice.')
      return
    }
    setBusy(true)
    const result =
      mode === 'create'
        ? await swarmroom.app.setPassphrase({ passphrase })
        : await swarmroom.app.unlock({ passphrase })
    setBusy(false)
    if (result.ok) onDone(result.value)
    else fail(result.error.message)
  }

  const describedBy = error ? 'passphrase-error' : undefined
  return (
    <form className="passphrase-form" onSubmit={(event) => void submit(event)}>
      <label className="field">
        <span>{mode === 'create' ? 'New passphrase' : 'Passphrase'}</span>
        <input
          ref={field}
          type="password"
          autoFocus
          autoComplete={mode === 'create' ? 'new-password' : 'current-password'}
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      </label>
      {mode === 'create' && (
        <label className="field">
          <span>The same passphrase again</span>
          <input
            type="password"
            autoComplete="new-password"
            value={repeated}
            onChange={(event) => setRepeated(event.target.value)}
            aria-describedby={describedBy}
          />
        </label>
      )}
      {mode === 'create' && (
        <p className="passphrase-form__hint">
          At least 8 characters. Swarmroom cannot recover a forgotten passphrase: the keys it
          protects would have to be shared with you again (new invite links, help-desk tokens).
        </p>
      )}
      {error && (
        <p id="passphrase-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <button className="button button--primary" type="submit" disabled={busy}>
        {mode === 'create' ? 'Protect keys with this passphrase' : 'Unlock'}
      </button>
    </form>
  )
}
