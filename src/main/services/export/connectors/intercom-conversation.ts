/**
 * Intercom's conversation for the case: one `GET /conversations/{id}` (as plain text) gives
 * the opening message and its parts; Intercom returns up to 500 parts and does not page them.
 * Parts without text or files (assignments, state changes) are left out. The requester's other
 * conversations are one page of `POST /conversations/search` by contact, newest change first.
 */
import { z } from 'zod'
import { RECENT_TICKETS, type ConversationMessage, type RequesterTicket } from './connector'
import { isoFromUnix } from './conversation-pages'
import type { HelpDeskHttp } from './http'

const text = z.string().nullish()
const author = z.object({ type: text, id: text, name: text, email: text }).nullish()
const files = z.array(z.object({ name: text, url: text })).nullish()
const conversationSchema = z.object({
  id: z.string(),
  created_at: z.number().nullish(),
  source: z.object({ id: text, body: text, author, attachments: files }).nullish(),
  contacts: z.object({ contacts: z.array(z.object({ id: z.string() })) }).nullish(),
  conversation_parts: z
    .object({
      conversation_parts: z.array(
        z.object({
          id: z.string(),
          part_type: text,
          body: text,
          created_at: z.number().nullish(),
          author,
          attachments: files,
        }),
      ),
    })
    .nullish(),
})
const searchSchema = z.object({
  conversations: z.array(
    z.object({
      id: z.string(),
      title: text,
      state: text,
      updated_at: z.number().nullish(),
      source: z.object({ subject: text, body: text }).nullish(),
    }),
  ),
})

export async function readIntercomConversation(
  http: HelpDeskHttp,
  ticketId: string,
): Promise<ConversationMessage[]> {
  const conversation = await http.read(
    {
      path: `/conversations/${http.ticketSegment(ticketId)}`,
      query: { display_as: 'plaintext' },
      ticketId,
    },
    conversationSchema,
  )
  const source = conversation.source
  const opening: ConversationMessage[] = source
    ? [
        {
          id: source.id ?? conversation.id,
          author: source.author?.name || source.author?.email || '',
          at: isoFromUnix(conversation.created_at),
          public: true,
          text: source.body ?? '',
          attachments: filesOf(source.attachments),
        },
      ]
    : []
  const parts = (conversation.conversation_parts?.conversation_parts ?? [])
    .filter((part) => part.body || (part.attachments ?? []).length > 0)
    .map((part) => ({
      id: part.id,
      author: part.author?.name || part.author?.email || '',
      at: isoFromUnix(part.created_at),
      public: part.part_type !== 'note',
      text: part.body ?? '',
      attachments: filesOf(part.attachments),
    }))
  return [...opening, ...parts]
}

export async function intercomTicketsOfRequester(
  http: HelpDeskHttp,
  ticketId: string,
  linkOf: (conversationId: string) => Promise<string>,
): Promise<RequesterTicket[]> {
  const conversation = await http.read(
    { path: `/conversations/${http.ticketSegment(ticketId)}`, ticketId },
    conversationSchema,
  )
  const source = conversation.source?.author
  const contactId =
    conversation.contacts?.contacts[0]?.id ?? (source?.type === 'admin' ? undefined : source?.id)
  if (!contactId) return []
  const { conversations } = await http.read(
    {
      method: 'POST',
      path: '/conversations/search',
      json: {
        query: { field: 'contact_ids', operator: '=', value: contactId },
        pagination: { per_page: RECENT_TICKETS + 1 },
      },
    },
    searchSchema,
  )
  const others = conversations
    .filter((found) => found.id !== conversation.id)
    .sort((a, b) => (b.updated_at ?? 0) - (a.updated_at ?? 0))
    .slice(0, RECENT_TICKETS)
  return Promise.all(
    others.map(async (found) => ({
      id: found.id,
      subject: found.title || found.source?.subject || '',
      status: found.state ?? '',
      at: isoFromUnix(found.updated_at),
      url: await linkOf(found.id),
    })),
  )
}

function filesOf(list: z.infer<typeof files>) {
  return (list ?? []).map((file) => ({ name: file.name ?? '', url: file.url ?? '' }))
}
