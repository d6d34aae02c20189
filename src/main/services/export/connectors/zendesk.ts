/**
 * Zendesk Support. A comment is added by updating the ticket (`PUT /api/v2/tickets/{id}` with
 * `{ticket: {comment}}`), and `public` is always sent: Zendesk's default is a public comment,
 * the wrong one for a note. Auth is Basic `{email}/token:{API token}`.
 */
import { z } from 'zod'
import {
  HelpDeskError,
  type ConnectionConfig,
  type Connector,
  type ConnectorOptions,
  type PostContent,
  type PostResult,
} from './connector'
import { htmlToText } from './html-text'
import { basicAuth, HelpDeskHttp } from './http'
import { numbered } from './ticket-id'
import { createZendeskArticle, findZendeskArticle } from './zendesk-articles'
import { readZendeskConversation, zendeskTicketsOfRequester } from './zendesk-conversation'

const text = z.string().nullish()
const userSchema = z.object({
  user: z.object({ id: z.number().nullish(), name: text, email: text }),
})
const ticketSchema = z.object({
  ticket: z.object({
    id: z.number(),
    subject: text,
    status: text,
    requester_id: z.number().nullish(),
    updated_at: text,
  }),
})
const commentsSchema = z.object({
  comments: z.array(
    z.object({
      id: z.number(),
      public: z.boolean(),
      plain_body: text,
      html_body: text,
      body: text,
      created_at: text,
    }),
  ),
})
/** The update's audit lists what changed; the new comment is its `Comment` event. */
const updateSchema = z.object({
  audit: z
    .object({ events: z.array(z.object({ id: z.number(), type: z.string() })).optional() })
    .optional(),
})

export function createZendeskConnector(
  config: ConnectionConfig<'zendesk'>,
  secret: string,
  options: ConnectorOptions = {},
): Connector {
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  const http = new HelpDeskHttp({
    ticketIds: numbered('48213'),
    vendor: 'Zendesk',
    baseUrl,
    credentials: 'email and API token',
    authorize: () => ({ Authorization: basicAuth(`${config.email}/token`, secret) }),
    ...options,
  })

  async function addComment(
    ticketId: string,
    content: PostContent,
    isPublic: boolean,
  ): Promise<PostResult> {
    const answer = await http.read(
      {
        method: 'PUT',
        path: `/api/v2/tickets/${http.ticketSegment(ticketId)}`,
        json: { ticket: { comment: { html_body: content.html, public: isPublic } } },
        ticketId,
        posting: isPublic ? 'reply' : 'note',
      },
      updateSchema,
    )
    const comment = answer.audit?.events?.find((event) => event.type === 'Comment')
    return { id: comment ? String(comment.id) : '' }
  }

  return {
    kind: 'zendesk',

    async testConnection() {
      const { user } = await http.read({ path: '/api/v2/users/me' }, userSchema)
      // Zendesk answers unrecognised callers as an anonymous user instead of refusing them.
      if (user.id === null || user.id === undefined) {
        throw new HelpDeskError(
          'auth',
          'Zendesk did not recognise the saved credentials. Check the email and API token in ' +
            'Settings → Help desks.',
        )
      }
      return user.email ? `${user.name ?? user.email} (${user.email})` : (user.name ?? '')
    },

    async readTicket(ticketId) {
      const { ticket } = await http.read(
        { path: `/api/v2/tickets/${http.ticketSegment(ticketId)}`, ticketId },
        ticketSchema,
      )
      return {
        id: String(ticket.id),
        subject: ticket.subject ?? '',
        requester: await requesterName(ticket.requester_id),
        status: ticket.status ?? '',
        updatedAt: ticket.updated_at ?? '',
        url: `${baseUrl}/agent/tickets/${ticket.id}`,
      }
    },

    async recentComments(ticketId) {
      const { comments } = await http.read(
        {
          path: `/api/v2/tickets/${http.ticketSegment(ticketId)}/comments`,
          // Newest first, so the one page holds the latest comments; reversed below.
          query: { sort_order: 'desc' },
          ticketId,
        },
        commentsSchema,
      )
      return comments.reverse().map((comment) => ({
        id: String(comment.id),
        public: comment.public,
        text: comment.plain_body ?? htmlToText(comment.html_body ?? comment.body ?? ''),
        createdAt: comment.created_at ?? '',
      }))
    },

    addInternalNote: (ticketId, content) => addComment(ticketId, content, false),
    addPublicReply: (ticketId, content) => addComment(ticketId, content, true),
    readConversation: (ticketId) => readZendeskConversation(http, baseUrl, ticketId),
    recentTicketsOfRequester: (ticketId) => zendeskTicketsOfRequester(http, baseUrl, ticketId),
    createArticleDraft: (article) => createZendeskArticle(http, config, article),
    findArticleDraft: (article) => findZendeskArticle(http, config, article),
  }

  /** The requester is a separate user record; a deleted one leaves the name empty. */
  async function requesterName(userId: number | null | undefined): Promise<string> {
    if (userId === null || userId === undefined) return ''
    try {
      const { user } = await http.read({ path: `/api/v2/users/${userId}` }, userSchema)
      return user.name || user.email || ''
    } catch (error) {
      if (error instanceof HelpDeskError && error.kind === 'not-found') return ''
      throw error
    }
  }
}
