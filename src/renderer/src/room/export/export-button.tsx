import { useState } from 'react'
import type * as Y from 'yjs'
import type { UpdateSaver } from '@shared/room/update-saver'
import { shortcutAttributes } from '../keyboard/shortcut-attributes'
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
      <button
        className="button button--primary"
        onClick={() => setOpen(true)}
        {...shortcutAttributes('export')}
      >
        Export<span className="export-button__rest"> to ticket</span>
      </button>
      {open && <ExportDialog {...props} onClose={() => setOpen(false)} />}
    </>
  )
}
