/**
 * A generic webhook, for help desks Swarmroom has no connector for. Each note or reply is
 * POSTed as JSON `{event, ticketId, html, text, sentAt, idempotencyKey}`, signed with an
 * HMAC-SHA256 of the exact body in `X-Swarmroom-Signature: sha256=<hex>`. The key is the same
 * for the same content, so a receiver can drop a retry it already has. A webhook cannot be
 * asked about tickets: readTicket returns what Swarmroom knows and recentComments nothing.
 * testConnection sends a signed `ping` event, which receivers acknowledge and otherwise ignore.
 */
import { createHash, createHmac } from 'node:crypto'
import type { ConnectionConfig, Connector, ConnectorOptions, PostContent } from './connector'
import { HelpDeskHttp } from './http'

export const SIGNATURE_HEADER = 'X-Swarmroom-Signature'

export type WebhookEvent = 'note' | 'reply' | 'ping'

export function createWebhookConnector(
  config: ConnectionConfig<'webhook'>,
  secret: string,
  options: ConnectorOptions = {},
): Connector {
  const url = new URL(config.url)
  const http = new HelpDeskHttp({
    vendor: `the webhook at ${url.host}`,
    baseUrl: url.href,
    credentials: 'signing secret',
    authorize: () => ({}),
    ...options,
  })

  async function deliver(event: WebhookEvent, fields: Record<string, string>): Promise<string> {
    const body = JSON.stringify({ event, ...fields, sentAt: new Date().toISOString() })
    const signature = createHmac('sha256', secret).update(body).digest('hex')
    const answer = await http.send({
      method: 'POST',
      path: url.href,
      body,
      headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: `sha256=${signature}` },
      posting: event === 'ping' ? undefined : event,
    })
    // A receiver may answer with the id it gave the note; any other answer is fine too.
    const id: unknown =
      typeof answer.body === 'object' && answer.body ? Reflect.get(answer.body, 'id') : ''
    return typeof id === 'string' || typeof id === 'number' ? String(id) : ''
  }

  async function post(event: 'note' | 'reply', ticketId: string, content: PostContent) {
    const idempotencyKey = createHash('sha256')
      .update(`${event}\n${ticketId}\n${content.html}`)
      .digest('hex')
    const id = await deliver(event, {
      ticketId,
      html: content.html,
      text: content.text,
      idempotencyKey,
    })
    return { id }
  }

  return {
    kind: 'webhook',

    async testConnection() {
      await deliver('ping', {})
      return `the webhook at ${url.host}`
    },

    async readTicket(ticketId) {
      return { id: ticketId, subject: '', requester: '', status: '', updatedAt: '', url: '' }
    },

    async recentComments() {
      return []
    },

    addInternalNote: (ticketId, content) => post('note', ticketId, content),
    addPublicReply: (ticketId, content) => post('reply', ticketId, content),
    // A webhook only receives: there is no conversation or requester to read.
    readConversation: async () => [],
    recentTicketsOfRequester: async () => [],
  }
}
