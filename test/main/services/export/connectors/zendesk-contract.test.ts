/**
 * Zendesk's published OpenAPI description is the contract: every request the connector sends
 * must validate against its operation's request schema, and every answer of the fake server
 * against the response schema, so the fake cannot drift into accepting what Zendesk would not.
 */
import { resolve } from 'node:path'
import type { OpenAPIBackend } from 'openapi-backend'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createZendeskConnector } from '../../../../../src/main/services/export/connectors/zendesk'
import { checkExchanges, loadContract } from '../../../../fixtures/help-desks/contract'
import { NOTE } from '../../../../fixtures/help-desks/connector-trouble'
import { ARTICLE, articlesOf } from '../../../../fixtures/help-desks/conversation-checks'
import { ZendeskServer } from '../../../../fixtures/help-desks/zendesk-server'

const SPEC = resolve(
  import.meta.dirname,
  '../../../../fixtures/contracts/zendesk-support.openapi.yaml',
)

describe('the Zendesk connector against Zendesk’s OpenAPI description', () => {
  let api: OpenAPIBackend
  let server: ZendeskServer
  beforeAll(async () => {
    api = await loadContract(SPEC, (document) => {
      // Zendesk documents `sort_order` (asc or desc) for List Comments
      // (developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/#list-comments),
      // but the published description leaves it out, so the correct request would fail.
      document.paths?.['/api/v2/tickets/{ticket_id}/comments']?.get?.parameters?.push({
        name: 'sort_order',
        in: 'query',
        schema: { type: 'string', enum: ['asc', 'desc'] },
      })
    })
  })
  beforeEach(async () => {
    server = await new ZendeskServer().listen()
  })
  afterEach(() => server.close())

  it('sends only requests the description allows and is answered as it describes', async () => {
    const connector = createZendeskConnector(
      { baseUrl: server.url, email: server.email },
      server.token,
    )
    await connector.testConnection()
    await connector.readTicket('48213')
    await connector.addInternalNote('48213', NOTE)
    await connector.addPublicReply('48213', { html: '<p>Fixed.</p>', text: 'Fixed.' })
    await connector.recentComments('48213')

    const report = checkExchanges(api, server.exchanges)
    expect(report.violations).toEqual([])
    expect(report.checked).toEqual([
      'ShowCurrentUser 200',
      'ShowTicket 200',
      'ShowUser 200',
      'UpdateTicket 200',
      'UpdateTicket 200',
      'ListTicketComments 200',
    ])
  })

  it('reads conversations, requesters’ tickets and posts articles as the description allows', async () => {
    const connector = createZendeskConnector(
      {
        baseUrl: server.url,
        email: server.email,
        helpCenterSectionId: '360001',
        helpCenterPermissionGroupId: '12',
      },
      server.token,
    )
    server.fillConversation(48213, 150)
    await connector.readConversation('48213')
    await connector.recentTicketsOfRequester('48213')
    await articlesOf(connector).findArticleDraft(ARTICLE)
    await articlesOf(connector).createArticleDraft(ARTICLE)

    const report = checkExchanges(api, server.exchanges)
    expect(report.violations).toEqual([])
    expect(report.checked).toEqual([
      'ListTicketComments 200',
      'ListTicketComments 200',
      'ShowTicket 200',
      'ListSearchResults 200',
      'ListSectionArticles 200',
      'ShowSection 200',
      'CreateArticle 201',
    ])
  })

  it('catches a comment whose visibility is not a boolean', async () => {
    await fetch(`${server.url}/api/v2/tickets/48213`, {
      method: 'PUT',
      headers: {
        Authorization: `Basic ${Buffer.from(`${server.email}/token:${server.token}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ ticket: { comment: { html_body: '<p>x</p>', public: 'no' } } }),
    })
    expect(checkExchanges(api, server.exchanges).violations).toEqual([
      'UpdateTicket request /requestBody/ticket/comment/public: must be boolean',
    ])
  })
})
