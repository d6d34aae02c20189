import { useState, type FormEvent } from 'react'
import type { ConnectionView } from '@shared/channels/export'
import {
  CONNECTION_FIELDS,
  CONNECTOR_KINDS,
  CONNECTOR_NAMES,
  SECRET_NAMES,
  type ConnectorKind,
} from '@shared/help-desk-connections'
import { swarmroom } from '../api'
import { KnowledgeBaseFields } from './knowledge-base-fields'

interface ConnectionFormProps {
  /** The connection being changed; a new one when absent. */
  editing?: ConnectionView
  onSaved: (connection: ConnectionView) => void
  onCancel: () => void
}

function initialConfig(kind: ConnectorKind): Record<string, string> {
  return Object.fromEntries(
    CONNECTION_FIELDS[kind].map((field) => [field.name, field.initial ?? '']),
  )
}

/** Only the fields the chosen help desk needs; the secret is typed here and never shown again. */
export function ConnectionForm({
  editing,
  onSaved,
  onCancel,
}: ConnectionFormProps): React.JSX.Element {
  const [kind, setKind] = useState<ConnectorKind>(editing?.kind ?? 'zendesk')
  const [label, setLabel] = useState(editing?.label ?? '')
  const [config, setConfig] = useState<Record<string, string>>(
    editing?.config ?? initialConfig(kind),
  )
  const [secret, setSecret] = useState('')
  const [docsApiKey, setDocsApiKey] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  function chooseKind(next: ConnectorKind): void {
    setKind(next)
    setConfig(initialConfig(next))
    setError(undefined)
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    const result = editing
      ? await swarmroom.connections.update({ id: editing.id, label, config, secret })
      : await swarmroom.connections.add({ kind, label, config, secret })
    if (!result.ok) {
      setBusy(false)
      return setError(result.error.message)
    }
    // Help Scout Docs' key is a secret of its own; an empty field keeps the saved one.
    if (kind === 'helpscout' && docsApiKey.trim() !== '') {
      const docs = await swarmroom.connections.setDocsApiKey({
        id: result.value.id,
        apiKey: docsApiKey,
      })
      if (!docs.ok) {
        setBusy(false)
        return setError(`The connection is saved, but not its Docs API key: ${docs.error.message}`)
      }
    }
    setBusy(false)
    setSecret('')
    setDocsApiKey('')
    onSaved(result.value)
  }

  const heading = editing ? `Change “${editing.label}”` : 'Add a help desk'
  return (
    <form className="connection-form" onSubmit={(event) => void submit(event)} aria-label={heading}>
      <h3>{heading}</h3>
      <div className="field-row">
        <label className="field">
          <span>Help desk</span>
          <select
            value={kind}
            disabled={editing !== undefined}
            onChange={(event) => chooseKind(event.target.value as ConnectorKind)}
          >
            {CONNECTOR_KINDS.map((value) => (
              <option key={value} value={value}>
                {CONNECTOR_NAMES[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--grow">
          <span>Name</span>
          <input
            required
            value={label}
            placeholder={`e.g. ${CONNECTOR_NAMES[kind]} – support team`}
            onChange={(event) => setLabel(event.target.value)}
          />
        </label>
      </div>
      {CONNECTION_FIELDS[kind].map((field) => (
        <label key={`${kind}-${field.name}`} className="field">
          <span>{field.label}</span>
          <input
            type={field.type}
            required
            value={config[field.name] ?? ''}
            placeholder={field.placeholder}
            onChange={(event) => setConfig({ ...config, [field.name]: event.target.value })}
          />
        </label>
      ))}
      <label className="field">
        <span>{SECRET_NAMES[kind]}</span>
        <input
          type="password"
          autoComplete="off"
          required={!editing}
          value={secret}
          placeholder={editing ? 'Leave empty to keep the saved one' : ''}
          onChange={(event) => setSecret(event.target.value)}
        />
      </label>
      <p className="connection-form__hint">
        Stored encrypted on this computer; Swarmroom never shows it again.
      </p>
      <KnowledgeBaseFields
        kind={kind}
        config={config}
        onConfig={setConfig}
        docsApiKey={docsApiKey}
        onDocsApiKey={setDocsApiKey}
        editing={editing !== undefined}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="settings__actions">
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Save and test'}
        </button>
        <button className="button" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
