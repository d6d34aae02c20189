/**
 * Zammad knowledge-base answers: `POST /api/v1/knowledge_bases/{kb}/answers` in the category
 * and locale the connection names; an answer neither published nor internal is a draft,
 * which only editors see. A retry first reads the category's newest answers for the title
 * (the knowledge-base search needs Elasticsearch and leaves drafts out).
 */
import { z } from 'zod'
import type { ArticleDraft, ArticleResult, ConnectionConfig } from './connector'
import { notSetUp } from './conversation-pages'
import type { HelpDeskHttp } from './http'

/** How many of the category's newest answers a retry looks through. */
const NEWEST_ANSWERS = 5

const answerSchema = z.object({
  id: z.number(),
  assets: z.object({
    KnowledgeBaseAnswerTranslation: z
      .record(z.string(), z.object({ title: z.string().nullish(), answer_id: z.number() }))
      .optional(),
  }),
})
const categorySchema = z.object({ answer_ids: z.array(z.number()) })

interface Place {
  knowledgeBaseId: string
  categoryId: string
  localeId: string
}

function placeOf(config: ConnectionConfig<'zammad'>): Place {
  const place = {
    knowledgeBaseId: config.knowledgeBaseId ?? '',
    categoryId: config.knowledgeBaseCategoryId ?? '',
    localeId: config.knowledgeBaseLocaleId ?? '',
  }
  if (!Object.values(place).every((id) => /^\d+$/.test(id))) {
    throw notSetUp(
      'the Zammad knowledge base',
      'it needs the ids of the knowledge base, of the category drafts go into and of its language.',
    )
  }
  return place
}

export async function createZammadAnswer(
  http: HelpDeskHttp,
  config: ConnectionConfig<'zammad'>,
  article: ArticleDraft,
): Promise<ArticleResult> {
  const place = placeOf(config)
  const created = await http.read(
    {
      method: 'POST',
      path: `/api/v1/knowledge_bases/${place.knowledgeBaseId}/answers`,
      json: {
        category_id: place.categoryId,
        translations_attributes: [
          {
            title: article.title,
            kb_locale_id: Number(place.localeId),
            content_attributes: { body: article.html },
          },
        ],
      },
      posting: 'article',
    },
    answerSchema,
  )
  return resultOf(config, place, created.id)
}

export async function findZammadAnswer(
  http: HelpDeskHttp,
  config: ConnectionConfig<'zammad'>,
  article: ArticleDraft,
): Promise<ArticleResult | undefined> {
  const place = placeOf(config)
  const base = `/api/v1/knowledge_bases/${place.knowledgeBaseId}`
  const category = await http.read(
    { path: `${base}/categories/${place.categoryId}` },
    categorySchema,
  )
  const newest = [...category.answer_ids].sort((a, b) => b - a).slice(0, NEWEST_ANSWERS)
  for (const id of newest) {
    const answer = await http.read(
      { path: `${base}/answers/${id}`, query: { full: '1' } },
      answerSchema,
    )
    const titles = Object.values(answer.assets.KnowledgeBaseAnswerTranslation ?? {})
    if (titles.some((translation) => translation.title === article.title)) {
      return resultOf(config, place, id)
    }
  }
  return undefined
}

function resultOf(config: ConnectionConfig<'zammad'>, place: Place, id: number): ArticleResult {
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  return {
    id: String(id),
    url: `${baseUrl}/#knowledge_base/${place.knowledgeBaseId}/locale/${place.localeId}/answer/${id}/edit`,
  }
}
