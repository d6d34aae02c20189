/**
 * Freshdesk solution articles: `POST /api/v2/solutions/folders/{id}/articles` with
 * `status: 1` (draft) in the folder the connection names. A retry first looks for the draft
 * in that folder by its title.
 */
import { z } from 'zod'
import type { ArticleDraft, ArticleResult, ConnectionConfig } from './connector'
import { notSetUp } from './conversation-pages'
import type { HelpDeskHttp } from './http'

const DRAFT = 1
const articleSchema = z.object({ id: z.number(), title: z.string().nullish() })

function folderOf(config: ConnectionConfig<'freshdesk'>): string {
  const folder = config.solutionFolderId ?? ''
  if (!/^\d+$/.test(folder)) {
    throw notSetUp('Freshdesk solutions', 'it needs the id of the folder drafts go into.')
  }
  return folder
}

export async function createFreshdeskArticle(
  http: HelpDeskHttp,
  config: ConnectionConfig<'freshdesk'>,
  article: ArticleDraft,
): Promise<ArticleResult> {
  const created = await http.read(
    {
      method: 'POST',
      path: `/api/v2/solutions/folders/${folderOf(config)}/articles`,
      json: { title: article.title, description: article.html, status: DRAFT },
      posting: 'article',
    },
    articleSchema,
  )
  return resultOf(config, created.id)
}

export async function findFreshdeskArticle(
  http: HelpDeskHttp,
  config: ConnectionConfig<'freshdesk'>,
  article: ArticleDraft,
): Promise<ArticleResult | undefined> {
  const articles = await http.read(
    { path: `/api/v2/solutions/folders/${folderOf(config)}/articles` },
    z.array(articleSchema),
  )
  const found = articles.find((candidate) => candidate.title === article.title)
  return found ? resultOf(config, found.id) : undefined
}

function resultOf(config: ConnectionConfig<'freshdesk'>, id: number): ArticleResult {
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  return { id: String(id), url: `${baseUrl}/a/solutions/articles/${id}` }
}
