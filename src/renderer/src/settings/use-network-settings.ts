import { useEffect, useState } from 'react'
import type { NetworkState } from '@shared/channels/rooms'
import { swarmroom } from '../api'
import type { IceServerDraft } from './ice-server-fields'
import type { SaveMessage, SettingsPart } from './settings-part'

export interface NetworkDraft {
  hostOnLan: boolean
  port: string
  servers: string
  relayUrl: string
  relayToken: string
  iceServers: IceServerDraft[]
}

export interface NetworkSettings extends SettingsPart {
  /** Both undefined until main answers. */
  state: NetworkState | undefined
  draft: NetworkDraft | undefined
  /** Why the settings could not be read, if they could not. */
  problem: string | undefined
  set: (change: Partial<NetworkDraft>) => void
  /** Forgets the saved relay token at once (the rest is saved with it). */
  removeRelayToken: () => Promise<SaveMessage>
}

function draftOf(next: NetworkState): NetworkDraft {
  const { settings } = next
  return {
    hostOnLan: settings.hostOnLan,
    port: String(settings.signalingPort),
    servers: settings.signalingUrls.join('\n'),
    relayUrl: settings.relayUrl,
    relayToken: '',
    iceServers: (settings.iceServers ?? []).map((server, index) => ({
      ...server,
      credential: '',
      credentialSaved: next.iceCredentialSaved[index] ?? false,
    })),
  }
}

/** How rooms find teammates: this computer's connection helper, other helpers, the team relay. */
export function useNetworkSettings(): NetworkSettings {
  const [state, setState] = useState<NetworkState>()
  const [draft, setDraft] = useState<NetworkDraft>()
  const [problem, setProblem] = useState<string>()

  function show(next: NetworkState): void {
    setState(next)
    setDraft(draftOf(next))
  }

  useEffect(() => {
    void swarmroom.settings.getNetwork().then((result) => {
      if (!result.ok) return setProblem(result.error.message)
      show(result.value)
    })
  }, [])

  async function save(relayToken?: string): Promise<SaveMessage> {
    if (!draft) return { error: false, text: '' }
    const result = await swarmroom.settings.setNetwork({
      hostOnLan: draft.hostOnLan,
      signalingPort: Number(draft.port),
      signalingUrls: draft.servers
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      relayUrl: draft.relayUrl.trim(),
      iceServers: draft.iceServers
        .filter((server) => server.urls.trim() !== '')
        .map(({ urls, username, credential }) => ({
          urls: urls.trim(),
          username: username.trim(),
          ...(credential ? { credential } : {}),
        })),
      ...(relayToken !== undefined
        ? { relayToken }
        : draft.relayToken
          ? { relayToken: draft.relayToken }
          : {}),
    })
    if (!result.ok) return { error: true, text: result.error.message }
    show(result.value)
    return { error: false, text: 'Saved. Rooms you open from now on use these settings.' }
  }

  return {
    state,
    draft,
    problem,
    set: (change) => setDraft((current) => current && { ...current, ...change }),
    changed:
      state !== undefined &&
      draft !== undefined &&
      JSON.stringify(draft) !== JSON.stringify(draftOf(state)),
    save: () => save(),
    removeRelayToken: () => save(''),
  }
}
