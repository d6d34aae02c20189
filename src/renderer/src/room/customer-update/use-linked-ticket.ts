import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { metaMap, readMeta } from '@shared/case/case-doc'
import { HELP_DESK_NAMES, type HelpDesk } from '@shared/case/schema'
import type { ConnectionView } from '@shared/channels/export'
import { connectorKindOf } from '@shared/help-desk-connections'
import { swarmroom } from '../../api'
import { useYRead } from '../hooks/use-y-read'

/** The case's ticket, when this computer has a connection that can post to it. */
export interface LinkedTicket {
  system: HelpDesk
  id: string
  /** The help desk as agents name it ("Zendesk"); a webhook's connection name. */
  deskName: string
}

/**
 * The ticket the customer update can be sent to from here: the case is linked to a ticket and
 * a connection to that help desk is saved on this computer. Null otherwise, and while the
 * connections are being read.
 */
export function useLinkedTicket(doc: Y.Doc): LinkedTicket | null {
  const ticket = useYRead(metaMap(doc), () => readMeta(doc).ticket)
  const [connections, setConnections] = useState<ConnectionView[]>([])
  useEffect(() => {
    let cancelled = false
    void swarmroom.connections.list().then((result) => {
      if (!cancelled && result.ok) setConnections(result.value)
    })
    return () => {
      cancelled = true
    }
  }, [])
  if (ticket.id === '') return null
  const kind = connectorKindOf(ticket.system)
  const connection = connections.find((candidate) => candidate.kind === kind)
  if (!connection) return null
  const deskName = ticket.system === 'other' ? connection.label : HELP_DESK_NAMES[ticket.system]
  return { system: ticket.system, id: ticket.id, deskName }
}
