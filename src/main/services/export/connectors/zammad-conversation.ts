/**
 * Zammad's conversation for the case: the ticket's articles in pages (`page`, `per_page`),
 * until a page brings nothing new (Zammad versions that ignore paging answer every article at
 * once, which the same rule reads once); attachments by name, with the agent download link.
 * The requester's other tickets are one page of a ticket search by customer, newest change
 * first.
 */
import { z } from 'zod'
import { RECENT_TICKETS, type ConversationMessage, type RequesterTicket } from './connector'
import { MAX_CONVERSATION_PAGES, tooManyPages } from './conversation-pages'
import { htmlToText } from './html-text'
import type { HelpDeskHttp } from './http'

const PAGE_SIZE = 100

const text = z.string().nullish()
const articleSchema = z.object({
  id: z.number(),
  ticket_id: z.number(),
  from: text,
  body: text,
  content_type: text,
  internal: z.boolean().nullish(),
  created_at: text,
  attachments: z.array(z.object({ id: z.number(), filename: text })).nullish(),
})
const ticketSchema = z.object({ id: z.number(), customer_id: z.number().nullish() })
const foundSchema = z.array(
  z.object({ id: z.number(), title: text, state: text, updated_at: text }),
)

export async function readZammadConversation(
  http: HelpDeskHttp,
  baseUrl: string,
  ticketId: string,
): Promise<ConversationMessage[]> {
  const messages: ConversationMessage[] = []
  const seen = new Set<number>()
  for (let page = 1; page <= MAX_CONVERSATION_PAGES; page++) {
    const articles = await http.read(
      {
        path: `/api/v1/ticket_articles/by_ticket/${http.ticketSegment(ticketId)}`,
        query: { page: String(page), per_page: String(PAGE_SIZE) },
        ticketId,
      },
      z.array(articleSchema),
    )
    const fresh = articles.filter((article) => !seen.has(article.id))
    for (const article of fresh) {
      seen.add(article.id)
      messages.push({
        id: String(article.id),
        author: authorOf(article.from),
        at: article.created_at ?? '',
        public: article.internal !== true,
        text: /html/i.test(article.content_type ?? '')
          ? htmlToText(article.body ?? '')
          : (article.body ?? ''),
        attachments: (article.attachments ?? []).map((file) => ({
          name: file.filename ?? '',
          url: `${baseUrl}/api/v1/ticket_attachment/${article.ticket_id}/${article.id}/${file.id}`,
        })),
      })
    }
    if (fresh.length < PAGE_SIZE) return messages
  }
  throw tooManyPages('Zammad')
}

export async function zammadTicketsOfRequester(
  http: HelpDeskHttp,
  baseUrl: string,
  ticketId: string,
): Promise<RequesterTicket[]> {
  const ticket = await http.read(
    { path: `/api/v1/tickets/${http.ticketSegment(ticketId)}`, ticketId },
    ticketSchema,
  )
  if (ticket.customer_id === null || ticket.customer_id === undefined) return []
  const found = await http.read(
    {
      path: '/api/v1/tickets/search',
      query: {
        query: `customer_id:${ticket.customer_id}`,
        sort_by: 'updated_at',
        order_by: 'desc',
        limit: String(RECENT_TICKETS + 1),
        // With expand the answer is the tickets themselves, their state by name.
        expand: 'true',
      },
    },
    foundSchema,
  )
  return found
    .filter((other) => other.id !== ticket.id)
    .slice(0, RECENT_TICKETS)
    .map((other) => ({
      id: String(other.id),
      subject: other.title ?? '',
      status: other.state ?? '',
      at: other.updated_at ?? '',
      url: `${baseUrl}/#ticket/zoom/${other.id}`,
    }))
}

/** `from` is "Maria Customer <maria@customer.test>" for mail, or the agent's name. */
function authorOf(from: string | null | undefined): string {
  const value = (from ?? '').trim()
  const named = /^"?([^"<]*?)"?\s*<([^>]+)>$/.exec(value)
  return named ? named[1] || named[2] || '' : value
}
