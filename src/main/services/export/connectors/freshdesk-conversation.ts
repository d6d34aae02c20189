/**
 * Freshdesk's conversation for the case: the ticket's description (the first message, which
 * Freshdesk keeps on the ticket) and its conversations in pages of 100 (following the `Link`
 * header). Conversations name their author by user id only, so each distinct author is asked
 * for once (a contact when the message came in, else an agent). The requester's other tickets
 * are one filtered page of the ticket list.
 */
import { z } from 'zod'
import {
  HelpDeskError,
  RECENT_TICKETS,
  type ConversationMessage,
  type RequesterTicket,
} from './connector'
import { MAX_CONVERSATION_PAGES, onSameOrigin, tooManyPages } from './conversation-pages'
import { htmlToText } from './html-text'
import type { HelpDeskHttp } from './http'

/** Freshdesk's built-in statuses; accounts can add their own numbers. */
export const FRESHDESK_STATUS_NAMES: Record<number, string> = {
  2: 'Open',
  3: 'Pending',
  4: 'Resolved',
  5: 'Closed',
}
/** Freshdesk lists only the last 30 days' tickets unless told where to start. */
const LONG_AGO = '2000-01-01T00:00:00Z'

const text = z.string().nullish()
const attachments = z.array(z.object({ name: text, attachment_url: text })).nullish()
const ticketSchema = z.object({
  id: z.number(),
  description: text,
  description_text: text,
  created_at: text,
  requester_id: z.number().nullish(),
  requester: z.object({ name: text, email: text }).nullish(),
  attachments,
})
const conversationsSchema = z.array(
  z.object({
    id: z.number(),
    private: z.boolean(),
    incoming: z.boolean().nullish(),
    user_id: z.number().nullish(),
    body: text,
    body_text: text,
    created_at: text,
    attachments,
  }),
)
const personSchema = z.object({
  name: text,
  email: text,
  contact: z.object({ name: text, email: text }).nullish(),
})
const listSchema = z.array(
  z.object({ id: z.number(), subject: text, status: z.number().nullish(), updated_at: text }),
)

export function freshdeskStatus(status: number | null | undefined): string {
  if (status === null || status === undefined) return ''
  return FRESHDESK_STATUS_NAMES[status] ?? `Status ${status}`
}

export async function readFreshdeskConversation(
  http: HelpDeskHttp,
  baseUrl: string,
  ticketId: string,
): Promise<ConversationMessage[]> {
  const segment = http.ticketSegment(ticketId)
  const ticket = await http.read(
    { path: `/api/v2/tickets/${segment}`, query: { include: 'requester' }, ticketId },
    ticketSchema,
  )
  const requester = ticket.requester?.name || ticket.requester?.email || ''
  const authors = new Map<string, Promise<string>>()
  const authorOf = (userId: number | null | undefined, incoming: boolean): Promise<string> => {
    if (userId === null || userId === undefined) return Promise.resolve('')
    if (userId === ticket.requester_id) return Promise.resolve(requester)
    const key = `${incoming ? 'contacts' : 'agents'}/${userId}`
    let name = authors.get(key)
    if (!name) {
      name = personName(http, key)
      authors.set(key, name)
    }
    return name
  }
  const messages: ConversationMessage[] = [
    {
      id: `ticket-${ticket.id}`,
      author: requester,
      at: ticket.created_at ?? '',
      public: true,
      text: ticket.description_text ?? htmlToText(ticket.description ?? ''),
      attachments: filesOf(ticket.attachments),
    },
  ]
  let path = `/api/v2/tickets/${segment}/conversations?per_page=100`
  for (let pages = 0; pages < MAX_CONVERSATION_PAGES; pages++) {
    const answer = await http.send({ path, ticketId })
    for (const entry of http.parse(conversationsSchema, answer)) {
      messages.push({
        id: String(entry.id),
        author: await authorOf(entry.user_id, entry.incoming === true),
        at: entry.created_at ?? '',
        public: !entry.private,
        text: entry.body_text ?? htmlToText(entry.body ?? ''),
        attachments: filesOf(entry.attachments),
      })
    }
    const next = onSameOrigin(
      answer.headers.get('link')?.match(/<([^>]+)>\s*;\s*rel="?next"?/)?.[1],
      baseUrl,
    )
    if (!next) return messages
    path = next
  }
  throw tooManyPages('Freshdesk')
}

export async function freshdeskTicketsOfRequester(
  http: HelpDeskHttp,
  baseUrl: string,
  ticketId: string,
): Promise<RequesterTicket[]> {
  const ticket = await http.read(
    { path: `/api/v2/tickets/${http.ticketSegment(ticketId)}`, ticketId },
    ticketSchema,
  )
  if (ticket.requester_id === null || ticket.requester_id === undefined) return []
  const tickets = await http.read(
    {
      path: '/api/v2/tickets',
      query: {
        requester_id: String(ticket.requester_id),
        updated_since: LONG_AGO,
        order_by: 'updated_at',
        order_type: 'desc',
        per_page: String(RECENT_TICKETS + 1),
      },
    },
    listSchema,
  )
  return tickets
    .filter((found) => found.id !== ticket.id)
    .slice(0, RECENT_TICKETS)
    .map((found) => ({
      id: String(found.id),
      subject: found.subject ?? '',
      status: freshdeskStatus(found.status),
      at: found.updated_at ?? '',
      url: `${baseUrl}/a/tickets/${found.id}`,
    }))
}

/** A deleted agent or contact leaves the name empty rather than failing the whole read. */
async function personName(http: HelpDeskHttp, path: string): Promise<string> {
  try {
    const person = await http.read({ path: `/api/v2/${path}` }, personSchema)
    const named = person.contact ?? person
    return named.name || named.email || ''
  } catch (error) {
    if (error instanceof HelpDeskError && error.kind === 'not-found') return ''
    throw error
  }
}

function filesOf(files: z.infer<typeof attachments>) {
  return (files ?? []).map((file) => ({ name: file.name ?? '', url: file.attachment_url ?? '' }))
}
