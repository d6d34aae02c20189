import { useState } from 'react'
import type { ExportPreview } from '@shared/channels/export'
import { swarmroom } from '../../api'
import { copyToClipboard } from './clipboard'

interface CopyAndSaveProps {
  roomId: string
  preview: ExportPreview
}

type Part = 'note' | 'reply'
const PART_NAMES: Record<Part, string> = { note: 'internal note', reply: 'customer reply' }

/** Without a connection (or beside one): the note and the reply by hand, as copies or files. */
export function CopyAndSave({ roomId, preview }: CopyAndSaveProps): React.JSX.Element {
  const [format, setFormat] = useState<'markdown' | 'html'>('markdown')
  const [message, setMessage] = useState<{ error: boolean; text: string }>()

  async function copy(part: Part): Promise<void> {
    const content = preview[part]
    try {
      const how = await copyToClipboard(content.html, content.text)
      const kind = how === 'rich' ? 'as rich and plain text' : 'as plain text'
      setMessage({ error: false, text: `Copied the ${PART_NAMES[part]} ${kind}.` })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      setMessage({ error: true, text: `Could not copy to the clipboard: ${reason}` })
    }
  }

  async function save(part: Part): Promise<void> {
    const result = await swarmroom.export.saveFile({ roomId, part, format })
    if (!result.ok) return setMessage({ error: true, text: result.error.message })
    if (!result.value.saved) return setMessage(undefined)
    setMessage({ error: false, text: `Saved the ${PART_NAMES[part]} as ${result.value.path}` })
  }

  return (
    <div className="copy-and-save" role="group" aria-label="Copy or save">
      <button type="button" className="button" onClick={() => void copy('note')}>
        Copy note
      </button>
      <button type="button" className="button" onClick={() => void copy('reply')}>
        Copy reply
      </button>
      <span className="copy-and-save__divider" />
      <select
        aria-label="File format"
        value={format}
        onChange={(event) => setFormat(event.target.value as 'markdown' | 'html')}
      >
        <option value="markdown">Markdown</option>
        <option value="html">HTML</option>
      </select>
      <button type="button" className="button" onClick={() => void save('note')}>
        Save note…
      </button>
      <button type="button" className="button" onClick={() => void save('reply')}>
        Save reply…
      </button>
      {message && (
        <p
          className={
            message.error ? 'field-error copy-and-save__message' : 'copy-and-save__message'
          }
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  )
}
