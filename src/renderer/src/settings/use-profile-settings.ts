import { useState } from 'react'
import { swarmroom } from '../api'
import type { SettingsPart } from './settings-part'
import type { SettingsSectionProps } from './settings-section-props'

export interface ProfileSettings extends SettingsPart {
  name: string
  setName: (name: string) => void
}

/** The display name teammates see; the member id and colour stay as they are. */
export function useProfileSettings({
  identity,
  onIdentityChange,
}: SettingsSectionProps): ProfileSettings {
  const [name, setName] = useState(identity.name)
  return {
    name,
    setName,
    changed: name !== identity.name,
    save: async () => {
      const result = await swarmroom.identity.set({ name })
      if (!result.ok) return { error: true, text: result.error.message }
      onIdentityChange(result.value)
      setName(result.value.name)
      return { error: false, text: 'Saved. Cases you open from now on show the new name.' }
    },
  }
}
