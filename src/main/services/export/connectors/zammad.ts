/**
 * Zammad. Notes and replies are both ticket articles (`POST /api/v1/ticket_articles`). A note
 * is `type: 'note', internal: true`. A public reply is an outgoing email article
 * (`type: 'email', sender: 'Agent', internal: false`) addressed to the ticket's customer:
 * Zammad then mails it from the ticket's group, as a reply from its web UI would. A note with
 * `internal: false` would only appear in the customer portal, which many customers never open,
 * so it would not be a reply to the customer. Auth is `Authorization: Token token={token}`.
 */
import { z } from 'zod'
import {
  HelpDeskError,
  type ConnectionConfig,
  type Connector,
  type ConnectorOptions,
} from './connector'
import { htmlToText } from './html-text'
import { HelpDeskHttp } from './http'
import { numbered } from './ticket-id'
import { readZammadConversation, zammadTicketsOfRequester } from './zammad-conversation'
import { createZammadAnswer, findZammadAnswer } from './zammad-knowledge-base'

/** How many of the ticket's articles count as recent (Zammad returns them all). */
const RECENT_ARTICLES = 50

const text = z.string().nullish()
const userSchema = z.object({ firstname: text, lastname: text, email: text, login: text })
const ticketSchema = z.object({
  id: z.number(),
  title: text,
  // With `expand=true` Zammad names the state instead of giving only its id.
  state: text,
  customer_id: z.number().nullish(),
  updated_at: text,
})
const articleSchema = z.object({
  id: z.number(),
  body: text,
  content_type: text,
  internal: z.boolean().nullish(),
  created_at: text,
})

export function createZammadConnector(
  config: ConnectionConfig<'zammad'>,
  secret: string,
  options: ConnectorOptions = {},
): Connector {
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  const http = new HelpDeskHttp({
    ticketIds: numbered('771'),
    vendor: 'Zammad',
    baseUrl,
    credentials: 'access token',
    authorize: () => ({ Authorization: `Token token=${secret}` }),
    ...options,
  })

  const ticket = (id: string): Promise<z.infer<typeof ticketSchema>> =>
    http.read(
      {
        path: `/api/v1/tickets/${http.ticketSegment(id)}`,
        query: { expand: 'true' },
        ticketId: id,
      },
      ticketSchema,
    )

  async function customer(customerId: number | null | undefined) {
    if (customerId === null || customerId === undefined) return undefined
    return http.read({ path: `/api/v1/users/${customerId}` }, userSchema)
  }

  async function addArticle(ticketId: string, article: Record<string, unknown>, posting: string) {
    const created = await http.read(
      {
        method: 'POST',
        path: '/api/v1/ticket_articles',
        json: { ticket_id: ticketNumber(ticketId), content_type: 'text/html', ...article },
        ticketId,
        posting,
      },
      articleSchema.partial(),
    )
    return { id: created.id === undefined ? '' : String(created.id) }
  }

  return {
    kind: 'zammad',

    async testConnection() {
      const me = await http.read({ path: '/api/v1/users/me' }, userSchema)
      const name = fullName(me)
      return me.email ? `${name || me.email} (${me.email})` : name || (me.login ?? '')
    },

    async readTicket(ticketId) {
      const found = await ticket(ticketId)
      const person = await customer(found.customer_id)
      return {
        id: String(found.id),
        subject: found.title ?? '',
        requester: person ? fullName(person) || person.email || '' : '',
        status: found.state ?? '',
        updatedAt: found.updated_at ?? '',
        url: `${baseUrl}/#ticket/zoom/${found.id}`,
      }
    },

    async recentComments(ticketId) {
      const articles = await http.read(
        { path: `/api/v1/ticket_articles/by_ticket/${http.ticketSegment(ticketId)}`, ticketId },
        z.array(articleSchema),
      )
      return articles.slice(-RECENT_ARTICLES).map((article) => ({
        id: String(article.id),
        public: article.internal !== true,
        text: /html/i.test(article.content_type ?? '')
          ? htmlToText(article.body ?? '')
          : (article.body ?? ''),
        createdAt: article.created_at ?? '',
      }))
    },

    addInternalNote: (ticketId, content) =>
      addArticle(ticketId, { body: content.html, type: 'note', internal: true }, 'note'),

    async addPublicReply(ticketId, content) {
      const found = await ticket(ticketId)
      const email = (await customer(found.customer_id))?.email
      if (!email) {
        throw new HelpDeskError(
          'rejected',
          `The customer of ticket ${ticketId} has no email address in Zammad, so the reply ` +
            'cannot be sent. Add the address in Zammad, then send the reply again.',
        )
      }
      const reply = { type: 'email', sender: 'Agent', internal: false, to: email }
      return addArticle(
        ticketId,
        { ...reply, subject: found.title ?? '', body: content.html },
        'reply',
      )
    },

    readConversation: (ticketId) => readZammadConversation(http, baseUrl, ticketId),
    recentTicketsOfRequester: (ticketId) => zammadTicketsOfRequester(http, baseUrl, ticketId),
    createArticleDraft: (article) => createZammadAnswer(http, config, article),
    findArticleDraft: (article) => findZammadAnswer(http, config, article),
  }
}

function fullName(user: z.infer<typeof userSchema>): string {
  return [user.firstname, user.lastname].filter(Boolean).join(' ')
}

/** Zammad ticket ids are numbers; anything else cannot name a ticket. */
function ticketNumber(ticketId: string): number {
  const id = ticketId.trim()
  if (/^\d+$/.test(id)) return Number(id)
  throw new HelpDeskError(
    'not-found',
    `Ticket ${ticketId} was not found in Zammad: Zammad tickets are numbered (e.g. 771).`,
  )
}
