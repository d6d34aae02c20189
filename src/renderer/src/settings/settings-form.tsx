import { useState, type FormEvent, type ReactNode } from 'react'
import { AppearanceFields } from './appearance-settings'
import { NetworkFields } from './network-settings'
import { ProfileFields } from './profile-settings'
import { SettingsActions } from './settings-actions'
import type { SaveMessage, SettingsPart } from './settings-part'
import type { SettingsSectionProps } from './settings-section-props'
import { UpdateFields } from './update-settings'
import { useAppearanceSettings } from './use-appearance-settings'
import { useNetworkSettings } from './use-network-settings'
import { useProfileSettings } from './use-profile-settings'
import { useUpdateSettings } from './use-update-settings'

/**
 * The settings a member sets once, with one Save for all of them: it saves only the parts that
 * changed, in order, and says what each did. A part that fails keeps what was typed in it.
 */
export function SettingsForm(props: SettingsSectionProps): React.JSX.Element {
  const profile = useProfileSettings(props)
  const appearance = useAppearanceSettings()
  const updates = useUpdateSettings()
  const network = useNetworkSettings()
  const [messages, setMessages] = useState<SaveMessage[]>()
  const [busy, setBusy] = useState(false)
  const parts: SettingsPart[] = [profile, appearance, updates, network]

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const changed = parts.filter((part) => part.changed)
    if (changed.length === 0) {
      return setMessages([{ error: false, text: 'Nothing to save: no setting was changed.' }])
    }
    setBusy(true)
    const said: SaveMessage[] = []
    for (const part of changed) said.push(await part.save())
    setBusy(false)
    setMessages(said.filter((message) => message.text))
  }

  return (
    <form className="settings__form" onSubmit={(event) => void save(event)}>
      <Section id="profile" title="Your name">
        <ProfileFields profile={profile} />
      </Section>
      <Section id="appearance" title="Appearance">
        <AppearanceFields part={appearance} />
      </Section>
      <Section id="updates" title="Updates">
        <UpdateFields part={updates} />
      </Section>
      <details className="card settings__section settings__advanced">
        <summary>
          <h2>Advanced</h2>
          <span className="settings__hint">
            How this computer reaches teammates: change these only when your IT team asks.
          </span>
        </summary>
        <div className="settings__fields">
          <NetworkFields part={network} />
        </div>
      </details>
      <SettingsActions messages={messages}>
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
      </SettingsActions>
    </form>
  )
}

function Section(props: { id: string; title: string; children: ReactNode }): React.JSX.Element {
  return (
    <section className="card settings__section" aria-labelledby={`settings-${props.id}`}>
      <h2 id={`settings-${props.id}`}>{props.title}</h2>
      <div className="settings__fields">{props.children}</div>
    </section>
  )
}
