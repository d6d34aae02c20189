import { useEffect, useState } from 'react'
import type { ArticleState } from '@shared/channels/tickets'
import { HELP_DESK_NAMES, type TicketReference } from '@shared/case/schema'
import { connectorKindOf, postsArticleDrafts } from '@shared/help-desk-connections'
import { swarmroom } from '../../api'
import { ExternalLink } from '../../common/external-link'
import './post-article.css'

interface PostArticleProps {
  roomId: string
  ticket: TicketReference
  caseTitle: string
}

/** How often the dialog asks the outbox where the article is, while it is on its way. */
const POLL_MS = 1000

type Progress =
  | { kind: 'idle' }
  | { kind: 'posting' }
  | { kind: 'state'; state: ArticleState }
  | { kind: 'error'; message: string }

/**
 * Posting the case's knowledge-base draft as a draft article, when the case's ticket is in a
 * help desk with a knowledge base and a connection to it; otherwise a line saying how.
 */
export function PostArticle({ roomId, ticket, caseTitle }: PostArticleProps): React.JSX.Element {
  const vendor = HELP_DESK_NAMES[ticket.system]
  const kind = connectorKindOf(ticket.system)
  const [connected, setConnected] = useState<boolean>()
  const [title, setTitle] = useState(caseTitle)
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' })

  useEffect(() => {
    let live = true
    void swarmroom.connections.list().then((result) => {
      if (live) setConnected(result.ok && result.value.some((entry) => entry.kind === kind))
    })
    return () => {
      live = false
    }
  }, [kind])

  const pending = progress.kind === 'state' ? progress.state : undefined
  const entryId = pending && !settled(pending) ? pending.entryId : undefined
  useEffect(() => {
    if (!entryId) return
    const timer = setInterval(() => {
      void swarmroom.tickets.articleState({ entryId }).then((result) => {
        setProgress(
          result.ok
            ? { kind: 'state', state: result.value }
            : { kind: 'error', message: result.error.message },
        )
      })
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [entryId])

  async function post(): Promise<void> {
    setProgress({ kind: 'posting' })
    const result = await swarmroom.tickets.postArticle({ roomId, title })
    setProgress(
      result.ok
        ? { kind: 'state', state: result.value }
        : { kind: 'error', message: result.error.message },
    )
  }

  if (ticket.id === '') {
    return (
      <p className="post-article__how">
        To post this as a draft article to the help desk, link the case to its ticket first.
      </p>
    )
  }
  if (!postsArticleDrafts(kind)) {
    return (
      <p className="post-article__how">
        {vendor} has no knowledge base Swarmroom can post a draft to: copy it or save it instead.
      </p>
    )
  }
  if (connected === undefined) return <p className="post-article__how">Checking the connection…</p>
  if (!connected) {
    return (
      <p className="post-article__how">
        To post this as a draft article to {vendor}, connect {vendor} in Settings → Help desks.
      </p>
    )
  }
  const busy = progress.kind === 'posting' || entryId !== undefined
  return (
    <section className="post-article" aria-label={`Post to ${vendor}`}>
      <div className="post-article__row">
        <label className="field field--grow">
          <span>Article title</span>
          <input value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <button
          className="button"
          disabled={busy || pending?.state === 'sent'}
          onClick={() => void post()}
        >
          {busy ? 'Posting…' : `Post as a draft to ${vendor}`}
        </button>
      </div>
      <p className="post-article__note">
        Posts the draft as Swarmroom wrote it from the case; edits made above stay here.
      </p>
      <Outcome progress={progress} vendor={vendor} />
    </section>
  )
}

function settled(state: ArticleState): boolean {
  return state.state === 'sent' || state.state === 'failed' || state.state === 'cancelled'
}

function Outcome({ progress, vendor }: { progress: Progress; vendor: string }): React.JSX.Element {
  if (progress.kind === 'error' || (progress.kind === 'state' && failed(progress.state))) {
    const message =
      progress.kind === 'error'
        ? progress.message
        : progress.state.message ||
          `The draft was not posted to ${vendor}. Post it again, or look in the Exports tab.`
    return (
      <p className="field-error" role="alert">
        {message}
      </p>
    )
  }
  const text = progress.kind === 'state' ? progressText(progress.state, vendor) : ''
  const link = progress.kind === 'state' && progress.state.state === 'sent' && progress.state.link
  return (
    <p className="post-article__status" role="status">
      {text}
      {link && (
        <>
          {' '}
          <ExternalLink url={link}>Open the draft in {vendor}</ExternalLink>
        </>
      )}
    </p>
  )
}

function failed(state: ArticleState): boolean {
  return state.state === 'failed' || state.state === 'cancelled'
}

function progressText(state: ArticleState, vendor: string): string {
  switch (state.state) {
    case 'queued':
      return `Queued: posting the draft to ${vendor}…`
    case 'sending':
      return `Posting the draft to ${vendor}…`
    case 'waiting':
      return `${state.message || `${vendor} did not answer.`} Swarmroom tries again by itself.`
    case 'sent':
      return `Posted to ${vendor} as a draft; the case’s timeline has its link.`
    default:
      return ''
  }
}
