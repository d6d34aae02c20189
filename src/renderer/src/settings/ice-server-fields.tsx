import type { IceServerSetting } from '@shared/channels/rooms'

/** One STUN/TURN server being edited; `credential` is a new one, `''` keeps what is saved. */
export interface IceServerDraft extends IceServerSetting {
  credential: string
  credentialSaved: boolean
}

interface IceServerFieldsProps {
  servers: readonly IceServerDraft[]
  onChange: (servers: IceServerDraft[]) => void
}

/** The team's STUN/TURN servers: address, username and credential, one row each. */
export function IceServerFields({ servers, onChange }: IceServerFieldsProps): React.JSX.Element {
  const change = (index: number, patch: Partial<IceServerDraft>): void =>
    onChange(servers.map((server, at) => (at === index ? { ...server, ...patch } : server)))
  return (
    <fieldset className="settings__group">
      <legend>
        Servers that help teammates on other networks connect (STUN/TURN, from your IT team)
      </legend>
      {servers.map((server, index) => (
        <div className="settings__row" key={index}>
          <label className="field">
            <span>Address</span>
            <input
              value={server.urls}
              onChange={(event) => change(index, { urls: event.target.value })}
              placeholder="turn:turn.example.com:3478?transport=udp"
            />
          </label>
          <label className="field">
            <span>Username (TURN only)</span>
            <input
              autoComplete="off"
              value={server.username}
              onChange={(event) => change(index, { username: event.target.value })}
            />
          </label>
          <label className="field">
            <span>Password (TURN only)</span>
            <input
              type="password"
              autoComplete="off"
              value={server.credential}
              onChange={(event) => change(index, { credential: event.target.value })}
              placeholder={server.credentialSaved ? 'Saved (type to replace)' : ''}
            />
          </label>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => onChange(servers.filter((_, at) => at !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--quiet"
        disabled={servers.length >= 8}
        onClick={() =>
          onChange([...servers, { urls: '', username: '', credential: '', credentialSaved: false }])
        }
      >
        Add a server
      </button>
      <p className="settings__hint">
        Without these, teammates connect only when their networks let them reach each other directly
        (the same office, say). None is used unless you add it here.
      </p>
    </fieldset>
  )
}
