import { useState, type FormEvent } from 'react'
import { swarmroom } from '../api'
import { SettingsActions } from './settings-actions'
import type { SettingsSectionProps } from './settings-section-props'

/** The display name teammates see; the member id and colour stay as they are. */
export function ProfileSettings({
  identity,
  onIdentityChange,
}: SettingsSectionProps): React.JSX.Element {
  const [name, setName] = useState(identity.name)
  const [message, setMessage] = useState<{ error: boolean; text: string }>()

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const result = await swarmroom.identity.set({ name })
    if (!result.ok) return setMessage({ error: true, text: result.error.message })
    onIdentityChange(result.value)
    setMessage({ error: false, text: 'Saved. Cases you open from now on show the new name.' })
  }

  return (
    <form className="settings__form" onSubmit={(event) => void save(event)}>
      <label className="field">
        <span>Display name</span>
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <SettingsActions message={message}>
        <button className="button button--primary" type="submit">
          Save name
        </button>
      </SettingsActions>
    </form>
  )
}
