import { useEffect, useState } from 'react'
import type { ConnectionView } from '@shared/channels/export'
import { CONNECTOR_NAMES } from '@shared/help-desk-connections'
import { swarmroom } from '../../api'
import { connectionSettingsHash } from '../../use-hash-route'
import { useExportProgress } from './use-export-progress'
import './export-record.css'

/**
 * A help desk refused the saved credentials (401) for an export of this case made here: until
 * the connection is fixed nothing more goes through it, so say so above the case and open
 * that connection's settings in one click.
 */
export function ExportAuthBanner({ roomId }: { roomId: string }): React.JSX.Element | null {
  const progress = useExportProgress(roomId)
  const [connections, setConnections] = useState<ConnectionView[]>([])
  const refused = [...progress.values()].find(
    (part) => part.state === 'failed' && part.errorKind === 'auth',
  )
  const connectionId = refused?.connectionId
  useEffect(() => {
    if (!connectionId) return
    let cancelled = false
    void swarmroom.connections.list().then((result) => {
      if (!cancelled && result.ok) setConnections(result.value)
    })
    return () => {
      cancelled = true
    }
  }, [connectionId])
  if (!refused) return null
  const connection = connections.find((candidate) => candidate.id === refused.connectionId)
  const desk = connection ? CONNECTOR_NAMES[connection.kind] : 'The help desk'
  const name = connection ? ` “${connection.label}”` : ''
  return (
    <div className="notices">
      <div className="notice notice--error export-auth-banner" role="alert">
        <p>
          {desk} refused the saved login of the connection{name}, so this case’s export is waiting.
          Update the connection, then retry the export in the Exports tab.
        </p>
        <button
          className="button"
          onClick={() => {
            window.location.hash = connectionSettingsHash(refused.connectionId)
          }}
        >
          Open the connection’s settings
        </button>
      </div>
    </div>
  )
}
