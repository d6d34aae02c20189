import { useState } from 'react'
import { IceServerFields } from './ice-server-fields'
import type { SaveMessage } from './settings-part'
import type { NetworkSettings } from './use-network-settings'

/** The advanced network fields: hosting for the office, connection helpers, the team relay. */
export function NetworkFields({ part }: { part: NetworkSettings }): React.JSX.Element {
  const [removed, setRemoved] = useState<SaveMessage>()
  const { state, draft, set } = part
  if (!draft || !state) {
    return <p className={part.problem ? 'field-error' : 'loading'}>{part.problem ?? 'Loading…'}</p>
  }
  const { signaling } = state
  return (
    <>
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
          : `Only windows on this computer use its connection helper (${signaling.localUrl}).`}
        {signaling.problem && <span className="field-error"> {signaling.problem}</span>}
      </p>
      <label className="field">
        <span>Connection helper port</span>
        <input
          inputMode="numeric"
          value={draft.port}
          aria-describedby="settings-port-hint"
          onChange={(event) => set({ port: event.target.value })}
        />
      </label>
      <p className="settings__hint" id="settings-port-hint">
        The port of this computer’s connection helper, which introduces teammates’ apps to each
        other. Change it only if another program uses it.
      </p>
      <label className="field">
        <span>Your team’s connection helpers (one address per line, ws:// or wss://)</span>
        <textarea
          rows={2}
          value={draft.servers}
          aria-describedby="settings-servers-hint"
          onChange={(event) => set({ servers: event.target.value })}
          placeholder="wss://signal.example.com"
        />
      </label>
      <p className="settings__hint" id="settings-servers-hint">
        Servers your IT team runs so that teammates on other networks find each other.
      </p>
      <fieldset className="settings__group">
        <legend>Team relay</legend>
        <p className="settings__hint">
          A server your team runs that keeps a copy of each case, so teammates who are not online at
          the same time still get each other’s changes.
        </p>
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
            onClick={() => void part.removeRelayToken().then(setRemoved)}
          >
            Remove saved token
          </button>
        )}
        {removed && (
          <p className={removed.error ? 'field-error' : 'settings__saved'} role="status">
            {removed.error ? removed.text : 'Removed the saved token.'}
          </p>
        )}
      </fieldset>
      <IceServerFields servers={draft.iceServers} onChange={(iceServers) => set({ iceServers })} />
    </>
  )
}
