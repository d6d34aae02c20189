import { useState } from 'react'
import { swarmroom } from '../../api'
import type { TicketReference } from '@shared/case/schema'
import { ModalDialog } from '../../common/modal-dialog'
import { PostArticle } from './post-article'

interface KnowledgeBaseDialogProps {
  /** The drafted article, in Markdown. */
  markdown: string
  caseTitle: string
  roomId: string
  /** The case's ticket: its help desk's knowledge base is where a draft can be posted. */
  ticket: TicketReference
  onClose: () => void
}

type Outcome = { kind: 'done'; message: string } | { kind: 'failed'; message: string }

/** The drafted article, editable before it is copied or saved as a Markdown file. */
export function KnowledgeBaseDialog(props: KnowledgeBaseDialogProps): React.JSX.Element {
  const [text, setText] = useState(props.markdown)
  const [outcome, setOutcome] = useState<Outcome>()
  const [saving, setSaving] = useState(false)

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(text)
      setOutcome({ kind: 'done', message: 'Copied: paste it into your knowledge base.' })
    } catch {
      setOutcome({
        kind: 'failed',
        message: 'Copying was blocked. Click in the article, press Ctrl+A and then Ctrl+C.',
      })
    }
  }

  async function save(): Promise<void> {
    setSaving(true)
    const result = await swarmroom.files.saveText({
      suggestedName: fileName(props.caseTitle),
      content: text,
    })
    setSaving(false)
    if (!result.ok) setOutcome({ kind: 'failed', message: result.error.message })
    else if (result.value.path) {
      setOutcome({ kind: 'done', message: `Saved as ${result.value.path}` })
    }
  }

  return (
    <ModalDialog labelledBy="kb-title" className="dialog--wide kb-dialog" onCancel={props.onClose}>
      <h2 id="kb-title">Draft knowledge-base article</h2>
      <p className="kb-dialog__hint">
        Drafted from the summary, what was found and decided, and the post-incident notes. Edit it
        here, then copy it or save it as a Markdown file.
      </p>
      <textarea
        className="kb-dialog__text"
        aria-label="Article in Markdown"
        value={text}
        spellCheck
        onChange={(event) => setText(event.target.value)}
      />
      {outcome && (
        <p
          className={outcome.kind === 'failed' ? 'field-error' : 'kb-dialog__done'}
          role={outcome.kind === 'failed' ? 'alert' : 'status'}
        >
          {outcome.message}
        </p>
      )}
      <PostArticle roomId={props.roomId} ticket={props.ticket} caseTitle={props.caseTitle} />
      <div className="dialog__actions">
        <button className="button" onClick={props.onClose}>
          Close
        </button>
        <button className="button" onClick={() => void copy()}>
          Copy
        </button>
        <button className="button button--primary" disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save as file…'}
        </button>
      </div>
    </ModalDialog>
  )
}

/** `acme-double-charges-kb-draft.md`: a name that is safe on every system. */
function fileName(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'case'}-kb-draft.md`
}
