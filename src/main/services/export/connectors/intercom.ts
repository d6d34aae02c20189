/**
 * Intercom (REST API 2.14). Notes and replies are both `POST /conversations/{id}/reply` from
 * the configured admin: `message_type: 'note'` stays internal, `'comment'` reaches the customer.
 * Auth is a Bearer access token, and every request names the API version it was written for.
 */
import { z } from 'zod'
import type {
  ConnectionConfig,
  Connector,
  ConnectorOptions,
  PostContent,
  TicketComment,
} from './connector'
import { HelpDeskHttp } from './http'
import { INTERCOM_CONVERSATION_ID } from './ticket-id'
import { isoFromUnix } from './conversation-pages'
import { createIntercomArticle, findIntercomArticle } from './intercom-articles'
import { intercomTicketsOfRequester, readIntercomConversation } from './intercom-conversation'

export const INTERCOM_VERSION = '2.14'

const text = z.string().nullish()
const author = z.object({ type: text, id: text, name: text, email: text }).nullish()
const adminSchema = z.object({
  name: text,
  email: text,
  app: z.object({ id_code: text }).nullish(),
})
const conversationSchema = z.object({
  id: z.string(),
  title: text,
  state: text,
  updated_at: z.number().nullish(),
  source: z.object({ id: text, subject: text, body: text, author }).nullish(),
  conversation_parts: z
    .object({
      conversation_parts: z.array(
        z.object({ id: z.string(), part_type: text, body: text, created_at: z.number().nullish() }),
      ),
    })
    .nullish(),
})
type Conversation = z.infer<typeof conversationSchema>

export function createIntercomConnector(
  config: ConnectionConfig<'intercom'>,
  secret: string,
  options: ConnectorOptions = {},
): Connector {
  const http = new HelpDeskHttp({
    ticketIds: INTERCOM_CONVERSATION_ID,
    vendor: 'Intercom',
    baseUrl: config.baseUrl,
    credentials: 'access token',
    ticketNoun: 'Conversation',
    authorize: () => ({ Authorization: `Bearer ${secret}`, 'Intercom-Version': INTERCOM_VERSION }),
    ...options,
  })
  /** The workspace id, for links into the inbox; asked once. */
  let workspace: Promise<string> | undefined

  const me = (): Promise<z.infer<typeof adminSchema>> => http.read({ path: '/me' }, adminSchema)

  async function inboxLink(conversationId: string): Promise<string> {
    workspace ??= me().then((admin) => admin.app?.id_code ?? '')
    const app = await workspace.catch((error: unknown) => {
      workspace = undefined
      throw error
    })
    return app
      ? `${inboxOrigin(config.baseUrl)}/a/inbox/${app}/inbox/conversation/${conversationId}`
      : ''
  }

  async function reply(id: string, content: PostContent, messageType: 'note' | 'comment') {
    const conversation = await http.read(
      {
        method: 'POST',
        path: `/conversations/${http.ticketSegment(id)}/reply`,
        json: {
          message_type: messageType,
          type: 'admin',
          admin_id: config.adminId,
          body: content.html,
        },
        ticketId: id,
        posting: messageType === 'note' ? 'note' : 'reply',
      },
      conversationSchema,
    )
    // The answer is the whole conversation; the part just added is its last one.
    return { id: conversation.conversation_parts?.conversation_parts.at(-1)?.id ?? '' }
  }

  return {
    kind: 'intercom',

    async testConnection() {
      const admin = await me()
      return admin.email ? `${admin.name ?? admin.email} (${admin.email})` : (admin.name ?? '')
    },

    async readTicket(ticketId) {
      const conversation = await http.read(
        { path: `/conversations/${http.ticketSegment(ticketId)}`, ticketId },
        conversationSchema,
      )
      const requester = conversation.source?.author
      return {
        id: conversation.id,
        subject: conversation.title || conversation.source?.subject || '',
        requester: requester?.type === 'admin' ? '' : requester?.name || requester?.email || '',
        status: conversation.state ?? '',
        updatedAt: isoFromUnix(conversation.updated_at),
        url: await inboxLink(conversation.id),
      }
    },

    async recentComments(ticketId) {
      const conversation = await http.read(
        {
          path: `/conversations/${http.ticketSegment(ticketId)}`,
          // Plain text bodies, to compare with what Swarmroom sent.
          query: { display_as: 'plaintext' },
          ticketId,
        },
        conversationSchema,
      )
      return commentsOf(conversation)
    },

    addInternalNote: (ticketId, content) => reply(ticketId, content, 'note'),
    addPublicReply: (ticketId, content) => reply(ticketId, content, 'comment'),
    readConversation: (ticketId) => readIntercomConversation(http, ticketId),
    recentTicketsOfRequester: (ticketId) => intercomTicketsOfRequester(http, ticketId, inboxLink),
    createArticleDraft: (article) => createIntercomArticle(http, config.adminId, article),
    findArticleDraft: (article) => findIntercomArticle(http, article),
  }
}

/** The opening message and every part with text; assignments and state changes have none. */
function commentsOf(conversation: Conversation): TicketComment[] {
  const source = conversation.source
  const opening = source?.body
    ? [{ id: source.id ?? '', public: true, text: source.body, createdAt: '' }]
    : []
  const parts = (conversation.conversation_parts?.conversation_parts ?? [])
    .filter((part) => part.body)
    .map((part) => ({
      id: part.id,
      public: part.part_type !== 'note',
      text: part.body ?? '',
      createdAt: isoFromUnix(part.created_at),
    }))
  return [...opening, ...parts]
}

/** The inbox lives on app.intercom.com, or app.eu / app.au for workspaces hosted there. */
function inboxOrigin(apiBaseUrl: string): string {
  const region = /^api\.(eu|au)\.intercom\.io$/i.exec(new URL(apiBaseUrl).hostname)?.[1]
  return region ? `https://app.${region.toLowerCase()}.intercom.com` : 'https://app.intercom.com'
}
