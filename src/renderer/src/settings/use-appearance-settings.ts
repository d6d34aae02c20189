import { useEffect, useState } from 'react'
import type { Appearance } from '@shared/channels/desktop'
import { swarmroom } from '../api'
import { applyAppearance } from '../appearance'
import type { SettingsPart } from './settings-part'

export interface AppearanceSettings extends SettingsPart {
  /** Undefined until main answers. */
  appearance: Appearance | undefined
  setAppearance: (appearance: Appearance) => void
}

/** Light, dark, or the computer's choice; shown as soon as it is saved. */
export function useAppearanceSettings(): AppearanceSettings {
  const [saved, setSaved] = useState<Appearance>()
  const [appearance, setAppearance] = useState<Appearance>()
  useEffect(() => {
    void swarmroom.app.appearance().then((result) => {
      if (!result.ok) return
      setSaved(result.value)
      setAppearance(result.value)
    })
  }, [])
  return {
    appearance,
    setAppearance,
    changed: appearance !== saved,
    save: async () => {
      if (!appearance) return { error: false, text: '' }
      const result = await swarmroom.app.setAppearance({ appearance })
      if (!result.ok) return { error: true, text: result.error.message }
      setSaved(result.value)
      applyAppearance(result.value)
      return { error: false, text: 'Saved. The new colours are on.' }
    },
  }
}
