import { useState } from 'react'
import type * as Y from 'yjs'
import type { UpdateSaver } from '@shared/room/update-saver'
import { ExportDialog } from './export-dialog'

interface ExportButtonProps {
  roomId: string
  doc: Y.Doc
  saver: UpdateSaver
}

/** The header's "Export to ticket", and its dialog while open. */
export function ExportButton(props: ExportButtonProps): React.JSX.Element {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button className="button button--primary" onClick={() => setOpen(true)}>
        Export to ticket
      </button>
      {open && <ExportDialog {...props} onClose={() => setOpen(false)} />}
    </>
  )
}
