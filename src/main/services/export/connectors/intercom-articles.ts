/**
 * Intercom Help Center articles: `POST /articles` with `state: draft`, written by the
 * connection's admin (Intercom wants the author as a number). A retry first searches the
 * drafts by the article's title (`GET /articles/search`).
 */
import { z } from 'zod'
import type { ArticleDraft, ArticleResult } from './connector'
import { notSetUp } from './conversation-pages'
import type { HelpDeskHttp } from './http'

const articleSchema = z.object({
  id: z.string(),
  title: z.string().nullish(),
  url: z.string().nullish(),
})
const searchSchema = z.object({
  data: z.object({ articles: z.array(articleSchema).nullish() }).nullish(),
})

export async function createIntercomArticle(
  http: HelpDeskHttp,
  adminId: string,
  article: ArticleDraft,
): Promise<ArticleResult> {
  if (!/^\d+$/.test(adminId)) {
    throw notSetUp('Intercom articles', 'the admin ID must be the number Intercom gives the admin.')
  }
  const created = await http.read(
    {
      method: 'POST',
      path: '/articles',
      json: {
        title: article.title,
        body: article.html,
        author_id: Number(adminId),
        state: 'draft',
      },
      posting: 'article',
    },
    articleSchema,
  )
  return { id: created.id, url: created.url ?? '' }
}

export async function findIntercomArticle(
  http: HelpDeskHttp,
  article: ArticleDraft,
): Promise<ArticleResult | undefined> {
  const answer = await http.read(
    { path: '/articles/search', query: { phrase: article.title, state: 'draft' } },
    searchSchema,
  )
  const found = (answer.data?.articles ?? []).find((item) => item.title === article.title)
  return found ? { id: found.id, url: found.url ?? '' } : undefined
}
