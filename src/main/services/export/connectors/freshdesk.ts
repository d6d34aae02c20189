/**
 * Freshdesk: a private note is `POST /api/v2/tickets/{id}/notes` with `private: true`, a reply
 * to the requester `POST /api/v2/tickets/{id}/reply`; both take HTML in `body`. Auth is Basic
 * with the API key as the user name and any password ("X").
 */
import { z } from 'zod'
import type { ConnectionConfig, Connector, ConnectorOptions, TicketComment } from './connector'
import { htmlToText } from './html-text'
import { basicAuth, HelpDeskHttp } from './http'
import { numbered } from './ticket-id'
import { createFreshdeskArticle, findFreshdeskArticle } from './freshdesk-articles'
import {
  freshdeskStatus,
  freshdeskTicketsOfRequester,
  readFreshdeskConversation,
} from './freshdesk-conversation'

/** Conversations come oldest first, 100 at most per page; follow this many pages at most. */
const MAX_PAGES = 10

const text = z.string().nullish()
const agentSchema = z.object({ contact: z.object({ name: text, email: text }) })
const ticketSchema = z.object({
  id: z.number(),
  subject: text,
  status: z.number().nullish(),
  updated_at: text,
  requester: z.object({ name: text, email: text }).nullish(),
})
const conversationsSchema = z.array(
  z.object({ id: z.number(), private: z.boolean(), body: text, body_text: text, created_at: text }),
)
const createdSchema = z.object({ id: z.number().optional() })

export function createFreshdeskConnector(
  config: ConnectionConfig<'freshdesk'>,
  secret: string,
  options: ConnectorOptions = {},
): Connector {
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  const http = new HelpDeskHttp({
    ticketIds: numbered('77'),
    vendor: 'Freshdesk',
    baseUrl,
    credentials: 'API key',
    authorize: () => ({ Authorization: basicAuth(secret, 'X') }),
    ...options,
  })

  async function post(path: string, ticketId: string, json: unknown, posting: string) {
    const created = await http.read(
      { method: 'POST', path, json, ticketId, posting },
      createdSchema,
    )
    return { id: created.id === undefined ? '' : String(created.id) }
  }

  return {
    kind: 'freshdesk',

    async testConnection() {
      const { contact } = await http.read({ path: '/api/v2/agents/me' }, agentSchema)
      return contact.email
        ? `${contact.name ?? contact.email} (${contact.email})`
        : (contact.name ?? '')
    },

    async readTicket(ticketId) {
      const ticket = await http.read(
        {
          path: `/api/v2/tickets/${http.ticketSegment(ticketId)}`,
          query: { include: 'requester' },
          ticketId,
        },
        ticketSchema,
      )
      return {
        id: String(ticket.id),
        subject: ticket.subject ?? '',
        requester: ticket.requester?.name || ticket.requester?.email || '',
        status: freshdeskStatus(ticket.status),
        updatedAt: ticket.updated_at ?? '',
        url: `${baseUrl}/a/tickets/${ticket.id}`,
      }
    },

    async recentComments(ticketId) {
      let path = `/api/v2/tickets/${http.ticketSegment(ticketId)}/conversations?per_page=100`
      let page: TicketComment[] = []
      for (let pages = 0; pages < MAX_PAGES; pages++) {
        const answer = await http.send({ path, ticketId })
        page = http.parse(conversationsSchema, answer).map((entry) => ({
          id: String(entry.id),
          public: !entry.private,
          text: entry.body_text ?? htmlToText(entry.body ?? ''),
          createdAt: entry.created_at ?? '',
        }))
        const next = nextLink(answer.headers.get('link'), baseUrl)
        if (!next) break
        path = next
      }
      return page
    },

    addInternalNote: (ticketId, content) =>
      post(
        `/api/v2/tickets/${http.ticketSegment(ticketId)}/notes`,
        ticketId,
        { body: content.html, private: true },
        'note',
      ),
    addPublicReply: (ticketId, content) =>
      post(
        `/api/v2/tickets/${http.ticketSegment(ticketId)}/reply`,
        ticketId,
        { body: content.html },
        'reply',
      ),
    readConversation: (ticketId) => readFreshdeskConversation(http, baseUrl, ticketId),
    recentTicketsOfRequester: (ticketId) => freshdeskTicketsOfRequester(http, baseUrl, ticketId),
    createArticleDraft: (article) => createFreshdeskArticle(http, config, article),
    findArticleDraft: (article) => findFreshdeskArticle(http, config, article),
  }
}

/**
 * The `rel="next"` address of a `Link` header, which Freshdesk sends while more pages follow;
 * only on the connection's own host, so the API key never goes anywhere else.
 */
function nextLink(header: string | null, baseUrl: string): string | undefined {
  const next = header?.match(/<([^>]+)>\s*;\s*rel="?next"?/)?.[1]
  if (!next || !URL.canParse(next)) return undefined
  return new URL(next).origin === new URL(baseUrl).origin ? next : undefined
}
