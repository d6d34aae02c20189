import type { Appearance } from '@shared/channels/desktop'
import type { AppearanceSettings } from './use-appearance-settings'

const CHOICES: readonly { value: Appearance; label: string }[] = [
  { value: 'system', label: 'Same as this computer' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

/** Light or dark colours, or the computer's own setting. */
export function AppearanceFields({ part }: { part: AppearanceSettings }): React.JSX.Element {
  if (!part.appearance) return <p className="loading">Loading…</p>
  return (
    <fieldset className="settings__choices">
      <legend>Colours</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="choice">
          <input
            type="radio"
            name="appearance"
            value={choice.value}
            checked={part.appearance === choice.value}
            onChange={() => part.setAppearance(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  )
}
