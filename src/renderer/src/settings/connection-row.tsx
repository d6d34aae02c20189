import { useState } from 'react'
import type { ConnectionView } from '@shared/channels/export'
import { CONNECTOR_NAMES } from '@shared/help-desk-connections'
import { swarmroom } from '../api'
import { ConfirmDialog } from '../common/confirm-dialog'

export interface TestOutcome {
  ok: boolean
  message: string
}

interface ConnectionRowProps {
  connection: ConnectionView
  /** The last "Test connection" answer, kept by the list so a new connection shows its test. */
  outcome: TestOutcome | 'testing' | undefined
  onTest: () => void
  onEdit: () => void
  onRemoved: () => void
}

export function ConnectionRow(props: ConnectionRowProps): React.JSX.Element {
  const { connection, outcome } = props
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string>()
  const address = connection.config['baseUrl'] ?? connection.config['url'] ?? ''

  async function remove(): Promise<void> {
    setConfirming(false)
    const result = await swarmroom.connections.remove({ id: connection.id })
    if (result.ok) props.onRemoved()
    else setError(result.error.message)
  }

  return (
    <li className="connection-row" aria-label={connection.label}>
      <div className="connection-row__head">
        <div>
          <strong>{connection.label}</strong>
          <span className="badge">{CONNECTOR_NAMES[connection.kind]}</span>
          <div className="connection-row__address">{address}</div>
        </div>
        <div className="connection-row__actions">
          <button className="button" onClick={props.onTest} disabled={outcome === 'testing'}>
            {outcome === 'testing' ? 'Testing…' : 'Test connection'}
          </button>
          <button className="button button--quiet" onClick={props.onEdit}>
            Edit
          </button>
          <button className="button button--danger-quiet" onClick={() => setConfirming(true)}>
            Remove
          </button>
        </div>
      </div>
      {outcome && outcome !== 'testing' && (
        <p
          className={`connection-row__test connection-row__test--${outcome.ok ? 'ok' : 'failed'}`}
          role="status"
        >
          {outcome.message}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Remove “${connection.label}”?`}
          message="Its saved credentials are deleted from this computer. Exports still waiting to go through it will fail until you add it again and retry them."
          confirmLabel="Remove connection"
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  )
}
