/**
 * Zendesk Help Center article drafts: `POST /api/v2/help_center/sections/{id}/articles` with
 * `draft: true`, in the section and permission group the connection names (Zendesk requires
 * both; the locale is the section's own). A retry first looks for the draft among the
 * section's newest articles by its title.
 */
import { z } from 'zod'
import type { ConnectionConfig, ArticleDraft, ArticleResult } from './connector'
import { notSetUp } from './conversation-pages'
import type { HelpDeskHttp } from './http'

const sectionSchema = z.object({ section: z.object({ id: z.number(), locale: z.string() }) })
const articleSchema = z.object({
  id: z.number(),
  title: z.string().nullish(),
  html_url: z.string().nullish(),
  draft: z.boolean().nullish(),
})

interface HelpCenterPlace {
  sectionId: string
  permissionGroupId: number
}

function placeOf(config: ConnectionConfig<'zendesk'>): HelpCenterPlace {
  const sectionId = config.helpCenterSectionId ?? ''
  const group = config.helpCenterPermissionGroupId ?? ''
  if (!/^\d+$/.test(sectionId)) {
    throw notSetUp('the Zendesk Help Center', 'it needs the id of the section drafts go into.')
  }
  if (!/^\d+$/.test(group)) {
    throw notSetUp(
      'the Zendesk Help Center',
      'it needs the id of the permission group that may edit the drafts.',
    )
  }
  return { sectionId, permissionGroupId: Number(group) }
}

export async function createZendeskArticle(
  http: HelpDeskHttp,
  config: ConnectionConfig<'zendesk'>,
  article: ArticleDraft,
): Promise<ArticleResult> {
  const place = placeOf(config)
  const { section } = await http.read(
    { path: `/api/v2/help_center/sections/${place.sectionId}` },
    sectionSchema,
  )
  const created = await http.read(
    {
      method: 'POST',
      path: `/api/v2/help_center/sections/${place.sectionId}/articles`,
      json: {
        article: {
          title: article.title,
          body: article.html,
          locale: section.locale,
          permission_group_id: place.permissionGroupId,
          user_segment_id: null,
          draft: true,
        },
        notify_subscribers: false,
      },
      posting: 'article',
    },
    z.object({ article: articleSchema }),
  )
  return resultOf(created.article)
}

export async function findZendeskArticle(
  http: HelpDeskHttp,
  config: ConnectionConfig<'zendesk'>,
  article: ArticleDraft,
): Promise<ArticleResult | undefined> {
  const place = placeOf(config)
  const { articles } = await http.read(
    {
      path: `/api/v2/help_center/sections/${place.sectionId}/articles`,
      query: { sort_by: 'created_at', sort_order: 'desc', per_page: '30' },
    },
    z.object({ articles: z.array(articleSchema) }),
  )
  const found = articles.find((candidate) => candidate.title === article.title)
  return found ? resultOf(found) : undefined
}

function resultOf(article: z.infer<typeof articleSchema>): ArticleResult {
  return { id: String(article.id), url: article.html_url ?? '' }
}
