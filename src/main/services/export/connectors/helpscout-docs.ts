/**
 * Help Scout Docs article drafts. Docs is a separate API (docsapi.helpscout.net) with its own
 * API key (Basic, the key as user name and "X"), kept in the secret store beside the inbox
 * app's secret; an article is saved unpublished (`status: notpublished`) in the collection
 * the connection names. A retry first searches the collection's unpublished articles by title.
 */
import { z } from 'zod'
import type { ArticleDraft, ArticleResult, ConnectionConfig, ConnectorOptions } from './connector'
import { notSetUp } from './conversation-pages'
import { basicAuth, HelpDeskHttp } from './http'

export const HELP_SCOUT_DOCS_URL = 'https://docsapi.helpscout.net'

const text = z.string().nullish()
const createdSchema = z.object({
  article: z.object({ id: z.string(), title: text, publicUrl: text }),
})
const searchSchema = z.object({
  articles: z.object({
    items: z.array(z.object({ id: z.string(), title: text, url: text })),
  }),
})

export interface HelpScoutDocs {
  createArticleDraft(article: ArticleDraft): Promise<ArticleResult>
  findArticleDraft(article: ArticleDraft): Promise<ArticleResult | undefined>
}

export function helpScoutDocs(
  config: ConnectionConfig<'helpscout'>,
  options: ConnectorOptions,
): HelpScoutDocs {
  function ready(): { http: HelpDeskHttp; collectionId: string } {
    const apiKey = options.helpScoutDocs?.apiKey?.trim() ?? ''
    const collectionId = config.docsCollectionId ?? ''
    if (apiKey === '') throw notSetUp('Help Scout Docs', 'it needs a Docs API key.')
    if (collectionId === '') {
      throw notSetUp('Help Scout Docs', 'it needs the id of the collection drafts go into.')
    }
    const http = new HelpDeskHttp({
      vendor: 'Help Scout Docs',
      baseUrl: options.helpScoutDocs?.baseUrl ?? HELP_SCOUT_DOCS_URL,
      credentials: 'Docs API key',
      authorize: () => ({ Authorization: basicAuth(apiKey, 'X') }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    })
    return { http, collectionId }
  }

  return {
    async createArticleDraft(article) {
      const { http, collectionId } = ready()
      const { article: created } = await http.read(
        {
          method: 'POST',
          path: '/v1/articles',
          // Without `reload` Docs answers 201 with an empty body.
          query: { reload: 'true' },
          json: { collectionId, title: article.title, text: article.html, status: 'notpublished' },
          posting: 'article',
        },
        createdSchema,
      )
      return { id: created.id, url: created.publicUrl ?? '' }
    },

    async findArticleDraft(article) {
      const { http, collectionId } = ready()
      const { articles } = await http.read(
        {
          path: '/v1/search/articles',
          query: { query: article.title, collectionId, status: 'notpublished' },
        },
        searchSchema,
      )
      const found = articles.items.find((item) => item.title === article.title)
      return found ? { id: found.id, url: found.url ?? '' } : undefined
    },
  }
}
