import { useState, type FormEvent } from 'react'
import type { Identity } from '@shared/ipc'
import { swarmroom } from './api'

/** Asks once for the name teammates will see beside everything this person writes. */
export function FirstRun({ onDone }: { onDone: (identity: Identity) => void }): React.JSX.Element {
  const [name, setName] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    const result = await swarmroom.identity.set({ name })
    setBusy(false)
    if (result.ok) onDone(result.value)
    else setError(result.error.message)
  }

  return (
    <main className="first-run">
      <form className="card first-run__card" onSubmit={(event) => void submit(event)}>
        <h1>Welcome to Swarmroom</h1>
        <p>Swarm on hard customer cases with the people who hold the answers.</p>
        <label className="field">
          <span>Your display name</span>
          <input
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. Dana from Billing"
            aria-describedby={error ? 'first-run-error' : undefined}
          />
        </label>
        {error && (
          <p id="first-run-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <button className="button button--primary" type="submit" disabled={busy}>
          Continue
        </button>
      </form>
    </main>
  )
}
