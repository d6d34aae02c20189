import { useState, type FormEvent } from 'react'
import type { Identity } from '@shared/ipc'
import type { AppErrorValue } from '@shared/result'
import { swarmroom } from './api'

/**
 * The error in plain words: a message that came with the key of the field it is about
 * ("name: Enter the name…") shows without the key, which means nothing to a support agent.
 */
function plainMessage(error: AppErrorValue): string {
  const key = error.field ?? ''
  if (key !== '' && error.message.startsWith(`${key}: `)) return error.message.slice(key.length + 2)
  // A sentence starts with a capital; a field key ("name", "config.baseUrl") does not.
  return error.message.replace(/^[a-z][\w.]*: /, '')
}

/** Asks once for the name teammates will see beside everything this person writes. */
export function FirstRun({ onDone }: { onDone: (identity: Identity) => void }): React.JSX.Element {
  const [name, setName] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (name.trim() === '') return setError('Enter the name your teammates know you by.')
    setBusy(true)
    const result = await swarmroom.identity.set({ name })
    setBusy(false)
    if (result.ok) onDone(result.value)
    else setError(plainMessage(result.error))
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
            onChange={(event) => {
              setName(event.target.value)
              // A message about what was typed before would be stale now.
              setError(undefined)
            }}
            aria-invalid={error ? true : undefined}
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
