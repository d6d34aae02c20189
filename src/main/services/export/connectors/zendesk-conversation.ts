/**
 * Zendesk's conversation for the case: the ticket's comments with their authors (sideloaded
 * with `include=users`, so no request per author) in cursor pages of 100 (`page[size]`,
 * following `links.next` while `meta.has_more`), and the requester's other tickets from one
 * search (`type:ticket requester_id:…`, newest change first).
 */
import { z } from 'zod'
import { RECENT_TICKETS, type ConversationMessage, type RequesterTicket } from './connector'
import { MAX_CONVERSATION_PAGES, onSameOrigin, tooManyPages } from './conversation-pages'
import { htmlToText } from './html-text'
import type { HelpDeskHttp } from './http'

const text = z.string().nullish()
const pageSchema = z.object({
  comments: z.array(
    z.object({
      id: z.number(),
      public: z.boolean(),
      author_id: z.number().nullish(),
      plain_body: text,
      html_body: text,
      body: text,
      created_at: text,
      attachments: z.array(z.object({ file_name: text, content_url: text })).nullish(),
    }),
  ),
  users: z.array(z.object({ id: z.number(), name: text, email: text })).nullish(),
  meta: z.object({ has_more: z.boolean().nullish() }).nullish(),
  links: z.object({ next: text }).nullish(),
})
const ticketSchema = z.object({ ticket: z.object({ requester_id: z.number().nullish() }) })
const searchSchema = z.object({
  results: z.array(
    z.object({
      id: z.number(),
      subject: text,
      status: text,
      updated_at: text,
      created_at: text,
    }),
  ),
})

export async function readZendeskConversation(
  http: HelpDeskHttp,
  baseUrl: string,
  ticketId: string,
): Promise<ConversationMessage[]> {
  const messages: ConversationMessage[] = []
  const names = new Map<number, string>()
  let path = `/api/v2/tickets/${http.ticketSegment(ticketId)}/comments`
  let query: Record<string, string> | undefined = { include: 'users', 'page[size]': '100' }
  for (let pages = 0; pages < MAX_CONVERSATION_PAGES; pages++) {
    const page = await http.read({ path, query, ticketId }, pageSchema)
    for (const user of page.users ?? []) names.set(user.id, user.name || user.email || '')
    for (const comment of page.comments) {
      messages.push({
        id: String(comment.id),
        author: comment.author_id ? (names.get(comment.author_id) ?? '') : '',
        at: comment.created_at ?? '',
        public: comment.public,
        text: comment.plain_body ?? htmlToText(comment.html_body ?? comment.body ?? ''),
        attachments: (comment.attachments ?? []).map((file) => ({
          name: file.file_name ?? '',
          url: file.content_url ?? '',
        })),
      })
    }
    const next = onSameOrigin(page.links?.next, baseUrl)
    if (page.meta?.has_more !== true || !next) return messages
    // The next link carries the cursor and the sideload.
    path = next
    query = undefined
  }
  throw tooManyPages('Zendesk')
}

export async function zendeskTicketsOfRequester(
  http: HelpDeskHttp,
  baseUrl: string,
  ticketId: string,
): Promise<RequesterTicket[]> {
  const { ticket } = await http.read(
    { path: `/api/v2/tickets/${http.ticketSegment(ticketId)}`, ticketId },
    ticketSchema,
  )
  if (ticket.requester_id === null || ticket.requester_id === undefined) return []
  const { results } = await http.read(
    {
      path: '/api/v2/search',
      query: {
        query: `type:ticket requester_id:${ticket.requester_id}`,
        sort_by: 'updated_at',
        sort_order: 'desc',
        // One more than shown: the case's own ticket is among them.
        per_page: String(RECENT_TICKETS + 1),
      },
    },
    searchSchema,
  )
  return results
    .filter((found) => String(found.id) !== ticketId.trim())
    .slice(0, RECENT_TICKETS)
    .map((found) => ({
      id: String(found.id),
      subject: found.subject ?? '',
      status: found.status ?? '',
      at: found.updated_at ?? found.created_at ?? '',
      url: `${baseUrl}/agent/tickets/${found.id}`,
    }))
}
