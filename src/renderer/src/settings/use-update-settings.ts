import { useEffect, useState } from 'react'
import type { UpdateStatus } from '@shared/channels/desktop'
import { swarmroom } from '../api'
import type { SettingsPart } from './settings-part'

export interface UpdateSettings extends SettingsPart {
  /** Undefined until main answers. */
  url: string | undefined
  setUrl: (url: string) => void
  status: UpdateStatus | undefined
  /** Why the saved address could not be read, if it could not. */
  problem: string | undefined
}

/** Where Swarmroom looks for new versions; saving a new address checks it at once. */
export function useUpdateSettings(): UpdateSettings {
  const [saved, setSaved] = useState<string>()
  const [url, setUrl] = useState<string>()
  const [status, setStatus] = useState<UpdateStatus>()
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    void swarmroom.app.updates().then((result) => {
      if (!result.ok) return setProblem(result.error.message)
      setSaved(result.value.url)
      setUrl(result.value.url)
      setStatus(result.value.status)
    })
    return swarmroom.events.on('app:updateReady', ({ version }) =>
      setStatus({ state: 'ready', version }),
    )
  }, [])

  return {
    url,
    setUrl,
    status,
    problem,
    changed: url !== undefined && url.trim() !== saved,
    save: async () => {
      const result = await swarmroom.app.setUpdateUrl({ url: (url ?? '').trim() })
      if (!result.ok) return { error: true, text: result.error.message }
      setSaved(result.value.url)
      setStatus(result.value.status)
      return { error: false, text: 'Saved the update address.' }
    },
  }
}
