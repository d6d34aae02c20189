/**
 * Jira Service Management's conversation for the case: the request's description (its first
 * message) and its comments, public and internal, in pages (`start`, `limit`, until
 * `isLastPage`) with their attachments (`expand=attachment`). The reporter's other requests
 * come from the Jira platform's issue search (the service desk API cannot filter by reporter).
 */
import { z } from 'zod'
import { RECENT_TICKETS, type ConversationMessage, type RequesterTicket } from './connector'
import { MAX_CONVERSATION_PAGES, tooManyPages } from './conversation-pages'
import type { HelpDeskHttp } from './http'

const PAGE_SIZE = 100

const text = z.string().nullish()
const person = z.object({ accountId: text, displayName: text, emailAddress: text }).nullish()
const date = z.object({ iso8601: text }).nullish()
const requestSchema = z.object({
  issueId: text,
  issueKey: z.string(),
  createdDate: date,
  reporter: person,
  requestFieldValues: z.array(z.object({ fieldId: z.string(), value: z.unknown() })).nullish(),
})
const pageSchema = z.object({
  isLastPage: z.boolean().optional(),
  values: z.array(
    z.object({
      id: z.string(),
      body: text,
      public: z.boolean(),
      author: person,
      created: date,
      attachments: z
        .object({
          values: z.array(
            z.object({ filename: text, _links: z.object({ content: text }).nullish() }),
          ),
        })
        .nullish(),
    }),
  ),
})
const searchSchema = z.object({
  issues: z.array(
    z.object({
      key: z.string(),
      fields: z
        .object({ summary: text, updated: text, status: z.object({ name: text }).nullish() })
        .nullish(),
    }),
  ),
})

export async function readJiraConversation(
  http: HelpDeskHttp,
  key: string,
): Promise<ConversationMessage[]> {
  const segment = http.ticketSegment(key)
  const request = await http.read(
    { path: `/rest/servicedeskapi/request/${segment}`, ticketId: key },
    requestSchema,
  )
  const description = request.requestFieldValues?.find((field) => field.fieldId === 'description')
  const messages: ConversationMessage[] =
    typeof description?.value === 'string' && description.value.trim() !== ''
      ? [
          {
            id: `request-${request.issueKey}`,
            author: nameOf(request.reporter),
            at: request.createdDate?.iso8601 ?? '',
            public: true,
            text: description.value,
            attachments: [],
          },
        ]
      : []
  for (let start = 0, pages = 0; pages < MAX_CONVERSATION_PAGES; pages++) {
    const page = await http.read(
      {
        path: `/rest/servicedeskapi/request/${segment}/comment`,
        query: { expand: 'attachment', start: String(start), limit: String(PAGE_SIZE) },
        ticketId: key,
      },
      pageSchema,
    )
    for (const comment of page.values) {
      messages.push({
        id: comment.id,
        author: nameOf(comment.author),
        at: comment.created?.iso8601 ?? '',
        public: comment.public,
        text: comment.body ?? '',
        attachments: (comment.attachments?.values ?? []).map((file) => ({
          name: file.filename ?? '',
          url: file._links?.content ?? '',
        })),
      })
    }
    if (page.isLastPage !== false || page.values.length === 0) return messages
    start += page.values.length
  }
  throw tooManyPages('Jira Service Management')
}

export async function jiraTicketsOfRequester(
  http: HelpDeskHttp,
  baseUrl: string,
  key: string,
): Promise<RequesterTicket[]> {
  const request = await http.read(
    { path: `/rest/servicedeskapi/request/${http.ticketSegment(key)}`, ticketId: key },
    requestSchema,
  )
  const accountId = request.reporter?.accountId
  if (!accountId) return []
  const { issues } = await http.read(
    {
      path: '/rest/api/3/search/jql',
      query: {
        // Account ids are quoted; one holding a quote could not be a real id, so none is sent.
        jql: `reporter = "${accountId.replaceAll('"', '')}" ORDER BY updated DESC`,
        fields: 'summary,status,updated',
        maxResults: String(RECENT_TICKETS + 1),
      },
    },
    searchSchema,
  )
  return issues
    .filter((issue) => issue.key !== request.issueKey)
    .slice(0, RECENT_TICKETS)
    .map((issue) => ({
      id: issue.key,
      subject: issue.fields?.summary ?? '',
      status: issue.fields?.status?.name ?? '',
      at: issue.fields?.updated ?? '',
      url: `${baseUrl}/browse/${issue.key}`,
    }))
}

function nameOf(user: z.infer<typeof person>): string {
  return user?.displayName || user?.emailAddress || ''
}
