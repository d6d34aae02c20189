/**
 * Help Scout's conversation for the case: the threads in pages (`page`, until
 * `page.totalPages`), which come newest first and are turned around; line items ("assigned to
 * …") are left out as they carry no message. The requester's other conversations are one page
 * of a search by customer id, every status, newest change first.
 */
import { z } from 'zod'
import { RECENT_TICKETS, type ConversationMessage, type RequesterTicket } from './connector'
import { MAX_CONVERSATION_PAGES, tooManyPages } from './conversation-pages'
import { htmlToText } from './html-text'
import type { HelpDeskRequest, HelpDeskResponse } from './http'

type Send = (request: HelpDeskRequest) => Promise<HelpDeskResponse>
type Parse = <T>(schema: z.ZodType<T>, answer: HelpDeskResponse) => T

const text = z.string().nullish()
const person = z.object({ first: text, last: text, email: text }).nullish()
const threadsSchema = z.object({
  _embedded: z
    .object({
      threads: z.array(
        z.object({
          id: z.number(),
          type: z.string(),
          body: text,
          createdAt: text,
          createdBy: person,
          _embedded: z
            .object({
              attachments: z
                .array(
                  z.object({
                    filename: text,
                    _links: z.object({ web: z.object({ href: text }).nullish() }).nullish(),
                  }),
                )
                .nullish(),
            })
            .nullish(),
        }),
      ),
    })
    .optional(),
  page: z.object({ totalPages: z.number(), number: z.number() }).nullish(),
})
const customerSchema = z.object({
  id: z.number(),
  primaryCustomer: z.object({ id: z.number() }).nullish(),
})
const listSchema = z.object({
  _embedded: z
    .object({
      conversations: z.array(
        z.object({
          id: z.number(),
          number: z.number().nullish(),
          subject: text,
          status: text,
          userUpdatedAt: text,
          createdAt: text,
        }),
      ),
    })
    .optional(),
})

export async function readHelpScoutConversation(
  send: Send,
  parse: Parse,
  segment: string,
  ticketId: string,
): Promise<ConversationMessage[]> {
  const newestFirst: ConversationMessage[] = []
  for (let page = 1; page <= MAX_CONVERSATION_PAGES; page++) {
    const answer = parse(
      threadsSchema,
      await send({
        path: `/v2/conversations/${segment}/threads`,
        query: { page: String(page) },
        ticketId,
      }),
    )
    for (const thread of answer._embedded?.threads ?? []) {
      if (thread.type === 'lineitem') continue
      const by = thread.createdBy
      newestFirst.push({
        id: String(thread.id),
        author: [by?.first, by?.last].filter(Boolean).join(' ') || by?.email || '',
        at: thread.createdAt ?? '',
        public: thread.type !== 'note',
        text: htmlToText(thread.body ?? ''),
        attachments: (thread._embedded?.attachments ?? []).map((file) => ({
          name: file.filename ?? '',
          url: file._links?.web?.href ?? '',
        })),
      })
    }
    if (!answer.page || answer.page.number >= answer.page.totalPages) return newestFirst.reverse()
  }
  throw tooManyPages('Help Scout')
}

export async function helpScoutTicketsOfRequester(
  send: Send,
  parse: Parse,
  segment: string,
  ticketId: string,
): Promise<RequesterTicket[]> {
  const found = parse(
    customerSchema,
    await send({ path: `/v2/conversations/${segment}`, ticketId }),
  )
  const customerId = found.primaryCustomer?.id
  if (customerId === undefined) return []
  const answer = parse(
    listSchema,
    await send({
      path: '/v2/conversations',
      query: {
        query: `(customerIds:${customerId})`,
        status: 'all',
        sortField: 'modifiedAt',
        sortOrder: 'desc',
      },
    }),
  )
  return (answer._embedded?.conversations ?? [])
    .filter((conversation) => conversation.id !== found.id)
    .slice(0, RECENT_TICKETS)
    .map((conversation) => ({
      id: String(conversation.id),
      subject: conversation.subject ?? '',
      status: conversation.status ?? '',
      at: conversation.userUpdatedAt ?? conversation.createdAt ?? '',
      url: `https://secure.helpscout.net/conversation/${conversation.id}/${conversation.number ?? ''}`,
    }))
}
