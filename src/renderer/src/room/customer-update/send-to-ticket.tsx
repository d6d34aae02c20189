import { useState } from 'react'
import type * as Y from 'yjs'
import type { UpdateSaver } from '@shared/room/update-saver'
import { ExportDialog } from '../export/export-dialog'
import type { LinkedTicket } from './use-linked-ticket'

interface SendToTicketProps {
  roomId: string
  doc: Y.Doc
  saver: UpdateSaver
  ticket: LinkedTicket
  /** False once the update is on its way or sent; an open dialog stays to show the outcome. */
  canSend: boolean
}

/**
 * The approved update's next step when the case is linked to a ticket: the export flow with
 * the reply alone chosen, the internal note one click away.
 */
export function SendToTicket({ ticket, canSend, ...props }: SendToTicketProps): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const label = `Send to ${ticket.deskName} ticket #${ticket.id}`
  return (
    <>
      {canSend && (
        <button className="button button--primary" onClick={() => setOpen(true)}>
          {label}
        </button>
      )}
      {open && (
        <ExportDialog
          {...props}
          title={label}
          flow="customer-update"
          onClose={() => setOpen(false)}
        />
      )}
    </>
  )
}
