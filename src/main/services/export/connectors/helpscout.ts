/**
 * Help Scout Inbox API 2.0. Auth is OAuth2 client credentials: the app id and secret buy a
 * bearer token (`POST /v2/oauth2/token`), kept until shortly before it expires and bought again
 * once if Help Scout refuses it sooner (revoked, or the app secret rotated). Notes and replies
 * answer 201 with the new thread's id in `Resource-ID`. A reply must name its customer, so the
 * conversation is read first for its primary customer.
 */
import { z } from 'zod'
import {
  HelpDeskError,
  type ConnectionConfig,
  type Connector,
  type ConnectorOptions,
} from './connector'
import { htmlToText } from './html-text'
import { HelpDeskHttp, type HelpDeskRequest, type HelpDeskResponse } from './http'
import { numbered } from './ticket-id'
import { helpScoutDocs } from './helpscout-docs'
import { helpScoutTicketsOfRequester, readHelpScoutConversation } from './helpscout-conversation'

/** Renew the token this long before Help Scout says it expires. */
const TOKEN_MARGIN_SECONDS = 60
/** Help Scout's documented lifetime, for a token answer that leaves it out. */
const DEFAULT_TOKEN_SECONDS = 172_800

const text = z.string().nullish()
const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() })
const userSchema = z.object({ firstName: text, lastName: text, email: text })
const conversationSchema = z.object({
  id: z.number(),
  number: z.number().nullish(),
  subject: text,
  status: text,
  userUpdatedAt: text,
  createdAt: text,
  primaryCustomer: z.object({ id: z.number(), first: text, last: text, email: text }).nullish(),
})
const threadsSchema = z.object({
  _embedded: z
    .object({
      threads: z.array(z.object({ id: z.number(), type: z.string(), body: text, createdAt: text })),
    })
    .optional(),
})

export function createHelpScoutConnector(
  config: ConnectionConfig<'helpscout'>,
  secret: string,
  options: ConnectorOptions = {},
): Connector {
  let token: { value: string; expiresAt: number } | undefined
  let tokensBought = 0
  const http = new HelpDeskHttp({
    ticketIds: numbered('2451234567'),
    vendor: 'Help Scout',
    baseUrl: config.baseUrl,
    credentials: 'app ID and app secret',
    ticketNoun: 'Conversation',
    authorize: async () => ({ Authorization: `Bearer ${await bearer()}` }),
    ...options,
  })
  const docs = helpScoutDocs(config, options)
  const parse = <T>(schema: z.ZodType<T>, answer: HelpDeskResponse): T => http.parse(schema, answer)

  async function bearer(): Promise<string> {
    if (token && Date.now() < token.expiresAt) return token.value
    const answer = await http
      .read(
        {
          method: 'POST',
          path: '/v2/oauth2/token',
          anonymous: true,
          form: {
            grant_type: 'client_credentials',
            client_id: config.appId,
            client_secret: secret,
          },
        },
        tokenSchema,
      )
      .catch((error: unknown) => {
        // Without a token nothing was posted, whatever became of the token request.
        if (!(error instanceof HelpDeskError) || !error.mayHaveLanded) throw error
        const { kind, message, status, retryAt } = error
        throw new HelpDeskError(kind, message, {
          status,
          retryAt,
          mayHaveLanded: false,
          cause: error,
        })
      })
    tokensBought++
    const seconds = (answer.expires_in ?? DEFAULT_TOKEN_SECONDS) - TOKEN_MARGIN_SECONDS
    token = { value: answer.access_token, expiresAt: Date.now() + seconds * 1000 }
    return token.value
  }

  /** Sends with the kept token; if Help Scout refuses it, buys a new one and tries once more. */
  async function send(request: HelpDeskRequest): Promise<HelpDeskResponse> {
    const keptToken = token !== undefined && Date.now() < token.expiresAt
    const bought = tokensBought
    try {
      return await http.send(request)
    } catch (error) {
      // A refused fresh token (or a refused token request) means the credentials are wrong.
      const refused = error instanceof HelpDeskError && error.status === 401
      if (!refused || !keptToken || tokensBought !== bought) throw error
      token = undefined
      return http.send(request)
    }
  }

  async function conversation(id: string): Promise<z.infer<typeof conversationSchema>> {
    const path = `/v2/conversations/${http.ticketSegment(id)}`
    return http.parse(conversationSchema, await send({ path, ticketId: id }))
  }

  async function addThread(id: string, kind: 'notes' | 'reply', json: unknown) {
    const posting = kind === 'notes' ? 'note' : 'reply'
    const path = `/v2/conversations/${http.ticketSegment(id)}/${kind}`
    const answer = await send({ method: 'POST', path, json, ticketId: id, posting })
    return { id: answer.headers.get('resource-id') ?? '' }
  }

  return {
    kind: 'helpscout',

    async testConnection() {
      const user = http.parse(userSchema, await send({ path: '/v2/users/me' }))
      const name = [user.firstName, user.lastName].filter(Boolean).join(' ')
      return user.email ? `${name || user.email} (${user.email})` : name
    },

    async readTicket(ticketId) {
      const found = await conversation(ticketId)
      const customer = found.primaryCustomer
      const customerName = [customer?.first, customer?.last].filter(Boolean).join(' ')
      return {
        id: String(found.id),
        subject: found.subject ?? '',
        requester: customerName || customer?.email || '',
        status: found.status ?? '',
        updatedAt: found.userUpdatedAt ?? found.createdAt ?? '',
        url: `https://secure.helpscout.net/conversation/${found.id}/${found.number ?? ''}`,
      }
    },

    async recentComments(ticketId) {
      const path = `/v2/conversations/${http.ticketSegment(ticketId)}/threads`
      const answer = http.parse(threadsSchema, await send({ path, ticketId }))
      // Threads come newest first; line items ("assigned to …") carry no text.
      return (answer._embedded?.threads ?? [])
        .filter((thread) => thread.type !== 'lineitem')
        .reverse()
        .map((thread) => ({
          id: String(thread.id),
          public: thread.type !== 'note',
          text: htmlToText(thread.body ?? ''),
          createdAt: thread.createdAt ?? '',
        }))
    },

    addInternalNote: (ticketId, content) => addThread(ticketId, 'notes', { text: content.html }),

    async addPublicReply(ticketId, content) {
      const customerId = (await conversation(ticketId)).primaryCustomer?.id
      if (customerId === undefined) {
        throw new HelpDeskError(
          'rejected',
          `Conversation ${ticketId} has no customer in Help Scout, so there is nobody to reply ` +
            'to. Add the customer in Help Scout, then send the reply again.',
        )
      }
      return addThread(ticketId, 'reply', { customer: { id: customerId }, text: content.html })
    },

    readConversation: (ticketId) =>
      readHelpScoutConversation(send, parse, http.ticketSegment(ticketId), ticketId),
    recentTicketsOfRequester: (ticketId) =>
      helpScoutTicketsOfRequester(send, parse, http.ticketSegment(ticketId), ticketId),
    createArticleDraft: (article) => docs.createArticleDraft(article),
    findArticleDraft: (article) => docs.findArticleDraft(article),
  }
}
