import { useEffect, useState, type FormEvent } from 'react'
import type { NetworkState } from '@shared/channels/rooms'
import { swarmroom } from '../api'
import { IceServerFields, type IceServerDraft } from './ice-server-fields'
import { SettingsActions } from './settings-actions'

interface Draft {
  hostOnLan: boolean
  port: string
  servers: string
  relayUrl: string
  relayToken: string
  iceServers: IceServerDraft[]
}

/** How rooms find teammates: this computer's signaling server, other servers, the team relay. */
export function NetworkSettings(): React.JSX.Element {
  const [state, setState] = useState<NetworkState>()
  const [draft, setDraft] = useState<Draft>()
  const [message, setMessage] = useState<{ error: boolean; text: string }>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void swarmroom.settings.getNetwork().then((result) => {
      if (!result.ok) return setMessage({ error: true, text: result.error.message })
      show(result.value)
    })
  }, [])

  function show(next: NetworkState): void {
    setState(next)
    const { settings } = next
    setDraft({
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
    })
  }

  async function save(event: FormEvent, relayToken?: string): Promise<void> {
    event.preventDefault()
    if (!draft) return
    setBusy(true)
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
    setBusy(false)
    if (!result.ok) return setMessage({ error: true, text: result.error.message })
    show(result.value)
    setMessage({ error: false, text: 'Saved. Rooms you open from now on use these settings.' })
  }

  if (!draft || !state) {
    return (
      <p className={message?.error ? 'field-error' : 'loading'}>{message?.text ?? 'Loading…'}</p>
    )
  }
  const set = (change: Partial<Draft>): void => setDraft({ ...draft, ...change })
  const { signaling } = state
  return (
    <form className="settings__form" onSubmit={(event) => void save(event)}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.hostOnLan}
          onChange={(event) => set({ hostOnLan: event.target.checked })}
        />
        Host rooms for the office: teammates on this network connect through this computer
      </label>
      <p className="settings__hint" role="status">
        {signaling.lanUrl
          ? `Teammates on your network connect through ${signaling.lanUrl}; invite links carry it.`
          : `Only windows on this computer use its signaling server (${signaling.localUrl}).`}
        {signaling.problem && <span className="field-error"> {signaling.problem}</span>}
      </p>
      <label className="field">
        <span>Signaling port</span>
        <input
          inputMode="numeric"
          value={draft.port}
          onChange={(event) => set({ port: event.target.value })}
        />
      </label>
      <label className="field">
        <span>Other signaling servers (one per line, ws:// or wss://)</span>
        <textarea
          rows={2}
          value={draft.servers}
          onChange={(event) => set({ servers: event.target.value })}
          placeholder="wss://signal.example.com"
        />
      </label>
      <fieldset className="settings__group">
        <legend>Team relay (Hocuspocus)</legend>
        <label className="field">
          <span>Relay address</span>
          <input
            value={draft.relayUrl}
            onChange={(event) => set({ relayUrl: event.target.value })}
            placeholder="wss://relay.example.com"
          />
        </label>
        <label className="field">
          <span>Relay token</span>
          <input
            type="password"
            autoComplete="off"
            value={draft.relayToken}
            onChange={(event) => set({ relayToken: event.target.value })}
            placeholder={state.relayTokenSaved ? 'Saved (type to replace)' : 'From your admin'}
          />
        </label>
        {state.relayTokenSaved && (
          <button
            type="button"
            className="button button--quiet"
            onClick={(event) => void save(event, '')}
          >
            Remove saved token
          </button>
        )}
      </fieldset>
      <IceServerFields servers={draft.iceServers} onChange={(iceServers) => set({ iceServers })} />
      <SettingsActions message={message}>
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save network settings'}
        </button>
      </SettingsActions>
    </form>
  )
}
