import { useState } from 'react'
import type * as Y from 'yjs'
import { handoffNoteBlocks } from '@shared/case/handoff'
import { noteToHtml, noteToMarkdown } from '@shared/case/documents/note-blocks'
import { useDocRead } from '../hooks/use-doc-read'

/**
 * The one-page handoff note as it reads (rendered from the same blocks as its Markdown), with
 * the Markdown to copy into a ticket, a chat or an email.
 */
export function HandoffNotePreview({ doc }: { doc: Y.Doc }): React.JSX.Element {
  const note = useDocRead(doc, () => {
    const blocks = handoffNoteBlocks(doc)
    return { html: noteToHtml(blocks), markdown: noteToMarkdown(blocks) }
  })
  const [copied, setCopied] = useState<'yes' | 'failed'>()

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(note.markdown)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }

  return (
    <section className="note-preview" aria-labelledby="note-preview-title">
      <div className="note-preview__head">
        <h3 id="note-preview-title">Handoff note</h3>
        <button className="button" onClick={() => void copy()}>
          Copy note as Markdown
        </button>
        {copied === 'yes' && <span className="note-preview__copied">Copied</span>}
      </div>
      {copied === 'failed' && (
        <p className="field-error" role="alert">
          Could not reach the clipboard: select the Markdown below and copy it yourself.
        </p>
      )}
      {/* Every text in the note is escaped by noteToHtml, the help-desk export's renderer. */}
      <div className="note-preview__page" dangerouslySetInnerHTML={{ __html: note.html }} />
      <details className="note-preview__markdown" open={copied === 'failed'}>
        <summary>Markdown</summary>
        <textarea readOnly aria-label="Handoff note as Markdown" value={note.markdown} rows={8} />
      </details>
    </section>
  )
}
