import type * as Y from 'yjs'
import { exportsArray, findExport } from '@shared/case/exports'
import { HELP_DESK_NAMES, type ExportRecord } from '@shared/case/schema'
import type { ExportProgress as PartProgress } from '@shared/channels/export'
import { useYRead } from '../hooks/use-y-read'
import { progressKey, useExportProgress } from './use-export-progress'

interface ExportProgressProps {
  roomId: string
  doc: Y.Doc
  record: ExportRecord
}

const STATE_TEXT: Record<PartProgress['state'], string> = {
  queued: 'Queued',
  sending: 'Sending…',
  sent: 'On the ticket',
  waiting: 'Waiting to retry',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

function partsOf(record: ExportRecord): ('note' | 'reply')[] {
  return record.parts === 'both' ? ['note', 'reply'] : [record.parts]
}

/** One export on its way: each part's state as it changes, then the outcome in the case. */
export function ExportProgress({ roomId, doc, record }: ExportProgressProps): React.JSX.Element {
  const progress = useExportProgress(roomId)
  const current = useYRead(exportsArray(doc), () => findExport(doc, record.id)) ?? record
  const where = `${HELP_DESK_NAMES[current.system]} ticket ${current.ticketId}`
  return (
    <div className="export-progress">
      <ul className="export-progress__parts" aria-label="Progress">
        {partsOf(current).map((part) => {
          const item = progress.get(progressKey(current.id, part))
          const sentId = part === 'note' ? current.noteId : current.replyId
          const state = sentId !== undefined ? 'sent' : (item?.state ?? 'queued')
          return (
            <li key={part} className={`export-progress__part export-progress__part--${state}`}>
              <span className="export-progress__name">
                {part === 'note' ? 'Internal note' : 'Public reply'}
              </span>
              <span className="export-progress__state">
                {STATE_TEXT[state]}
                {state === 'sent' && sentId ? ` (#${sentId})` : ''}
              </span>
              {item?.message && state !== 'sent' && (
                <span className="export-progress__message">{item.message}</span>
              )}
            </li>
          )
        })}
      </ul>
      <p className="export-progress__outcome" role="status">
        {current.state === 'sent'
          ? `Done: everything is on ${where}, and the case shows it in Exports.`
          : current.state === 'failed'
            ? `Not sent: ${current.error ?? 'the export failed.'} Retry it from the Exports tab once fixed.`
            : `Sending to ${where}. You can close this window; the export carries on.`}
      </p>
    </div>
  )
}
