/**
 * Jira Service Management Cloud. A comment goes on the customer request
 * (`POST /rest/servicedeskapi/request/{key}/comment` with `{body, public}`); `public: false` is
 * an internal comment only agents see. The body is plain text: the service desk API takes no
 * HTML. Auth is Basic `{email}:{API token}`.
 */
import { z } from 'zod'
import type {
  ConnectionConfig,
  Connector,
  ConnectorOptions,
  PostContent,
  TicketComment,
} from './connector'
import { basicAuth, HelpDeskHttp } from './http'
import { JIRA_REQUEST_ID } from './ticket-id'
import { jiraTicketsOfRequester, readJiraConversation } from './jira-conversation'

/** Comments come oldest first in pages; follow this many pages at most to reach the last. */
const MAX_PAGES = 20
const PAGE_SIZE = 100

const text = z.string().nullish()
const myselfSchema = z.object({ displayName: text, emailAddress: text })
const requestSchema = z.object({
  issueKey: z.string(),
  summary: text,
  requestFieldValues: z.array(z.object({ fieldId: z.string(), value: z.unknown() })).nullish(),
  reporter: z.object({ displayName: text, emailAddress: text }).nullish(),
  currentStatus: z.object({ status: text }).nullish(),
})
const commentSchema = z.object({
  id: z.string(),
  body: text,
  public: z.boolean(),
  created: z.object({ iso8601: text }).nullish(),
})
const pageSchema = z.object({ values: z.array(commentSchema), isLastPage: z.boolean().optional() })

export function createJiraConnector(
  config: ConnectionConfig<'jira'>,
  secret: string,
  options: ConnectorOptions = {},
): Connector {
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  const http = new HelpDeskHttp({
    ticketIds: JIRA_REQUEST_ID,
    vendor: 'Jira Service Management',
    baseUrl,
    credentials: 'email and API token',
    ticketNoun: 'Request',
    authorize: () => ({ Authorization: basicAuth(config.email, secret) }),
    ...options,
  })

  async function comment(key: string, content: PostContent, isPublic: boolean) {
    const created = await http.read(
      {
        method: 'POST',
        path: `/rest/servicedeskapi/request/${http.ticketSegment(key)}/comment`,
        json: { body: content.text, public: isPublic },
        ticketId: key,
        posting: isPublic ? 'reply' : 'note',
      },
      commentSchema.partial(),
    )
    return { id: created.id ?? '' }
  }

  return {
    kind: 'jira',

    async testConnection() {
      // The service desk API has no "who am I"; the Jira platform API beside it does.
      const me = await http.read({ path: '/rest/api/3/myself' }, myselfSchema)
      const name = me.displayName ?? me.emailAddress ?? ''
      return me.emailAddress && me.displayName ? `${name} (${me.emailAddress})` : name
    },

    async readTicket(key) {
      const request = await http.read(
        { path: `/rest/servicedeskapi/request/${http.ticketSegment(key)}`, ticketId: key },
        requestSchema,
      )
      const summary = request.requestFieldValues?.find((field) => field.fieldId === 'summary')
      return {
        id: request.issueKey,
        subject: typeof summary?.value === 'string' ? summary.value : (request.summary ?? ''),
        requester: request.reporter?.displayName || request.reporter?.emailAddress || '',
        status: request.currentStatus?.status ?? '',
        // A customer request reports when its status changed, not when it last changed.
        updatedAt: '',
        url: `${baseUrl}/browse/${request.issueKey}`,
      }
    },

    async recentComments(key) {
      let page: TicketComment[] = []
      for (let start = 0, pages = 0; pages < MAX_PAGES; pages++) {
        const answer = await http.read(
          {
            path: `/rest/servicedeskapi/request/${http.ticketSegment(key)}/comment`,
            query: { start: String(start), limit: String(PAGE_SIZE) },
            ticketId: key,
          },
          pageSchema,
        )
        page = answer.values.map((entry) => ({
          id: entry.id,
          public: entry.public,
          text: entry.body ?? '',
          createdAt: entry.created?.iso8601 ?? '',
        }))
        if (answer.isLastPage !== false || answer.values.length === 0) break
        start += answer.values.length
      }
      return page
    },

    addInternalNote: (key, content) => comment(key, content, false),
    addPublicReply: (key, content) => comment(key, content, true),
    readConversation: (key) => readJiraConversation(http, key),
    recentTicketsOfRequester: (key) => jiraTicketsOfRequester(http, baseUrl, key),
    // Its knowledge base is Confluence, which has no draft-article call in this API.
  }
}
