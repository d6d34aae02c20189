/**
 * Posting the case's knowledge-base draft to the help desk's knowledge base: the article is
 * put in the export outbox (saved first, retried with backoff, looked for by its title before
 * any retry, so it is never posted twice), and the outbox's results log its link in the case.
 * The same title and text queued again return the entry already queued.
 */
import { createHash } from 'node:crypto'
import { readMeta } from '@shared/case/case-doc'
import { knowledgeBaseBlocks } from '@shared/case/documents/knowledge-base'
import { noteToHtml, noteToText } from '@shared/case/documents/note-blocks'
import { CONNECTOR_NAMES } from '@shared/help-desk-connections'
import { AppError } from '@shared/result'
import type { CaseWriter } from '../cases/case-writer'
import type { ConnectionsService } from '../export/connections'
import type { Outbox } from '../export/outbox/outbox'
import type { OutboxEntry } from '../export/outbox/outbox-entry'
import { resolveConnection } from '../export/ticket-links'

export interface ArticleQueued {
  entryId: string
  state: OutboxEntry['state']
  link: string
  message: string
}

function stateOf(entry: OutboxEntry): ArticleQueued {
  return {
    entryId: entry.id,
    state: entry.state,
    link: entry.link ?? '',
    message: entry.state === 'sent' ? '' : (entry.lastError?.message ?? ''),
  }
}

export class ArticleDrafts {
  constructor(
    private readonly writer: CaseWriter,
    private readonly connections: ConnectionsService,
    private readonly outbox: Outbox,
    private readonly memberId: () => string,
  ) {}

  async post(roomId: string, title: string, connectionId?: string): Promise<ArticleQueued> {
    const doc = this.writer.read(roomId)
    let article: { ticket: ReturnType<typeof readMeta>['ticket']; html: string; text: string }
    try {
      const blocks = knowledgeBaseBlocks(doc)
      article = { ticket: readMeta(doc).ticket, html: noteToHtml(blocks), text: noteToText(blocks) }
    } finally {
      doc.destroy()
    }
    const { ticket } = article
    if (ticket.id === '') {
      throw new AppError(
        'invalid-input',
        'Link the case to its ticket first: the article goes to that help desk’s knowledge base.',
      )
    }
    const { connection } = resolveConnection(this.connections.all(), ticket, connectionId)
    if (!connection) {
      throw new AppError(
        'invalid-input',
        'Choose the help-desk connection to post the article with, or add one in Settings → Help desks.',
      )
    }
    if (!this.connections.connector(connection.id).createArticleDraft) {
      throw new AppError(
        'invalid-input',
        `${CONNECTOR_NAMES[connection.kind]} has no knowledge base Swarmroom can post a draft to.`,
      )
    }
    const fingerprint = createHash('sha256')
      .update(`${title}\n${article.html}`)
      .digest('hex')
      .slice(0, 32)
    const entry = await this.outbox.enqueue({
      roomId,
      exportId: `article-${fingerprint}`,
      connectionId: connection.id,
      ticketId: ticket.id,
      part: 'article',
      content: { title, html: article.html, text: article.text },
      by: this.memberId(),
    })
    // Posting again after a failure (a setting added in Settings since) tries it again now.
    if (entry.state === 'failed') return stateOf(await this.outbox.retry(entry.id))
    return stateOf(entry)
  }

  /** Where a queued article is now. */
  state(entryId: string): ArticleQueued {
    const entry = this.outbox.get(entryId)
    if (!entry || entry.part !== 'article') {
      throw new AppError('not-found', 'That article is no longer in the outbox. Post it again.')
    }
    return stateOf(entry)
  }
}
