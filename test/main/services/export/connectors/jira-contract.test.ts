/**
 * Atlassian's published OpenAPI description of the Jira Service Management Cloud API is the
 * contract: every request the connector sends must validate against its operation, and every
 * answer of the fake server (whose schemas allow no extra properties) against the responses
 * given for that status. testConnection is left out: it asks the Jira platform API
 * (`/rest/api/3/myself`), which this description does not cover.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Document, OpenAPIBackend } from 'openapi-backend'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createJiraConnector } from '../../../../../src/main/services/export/connectors/jira'
import { checkExchanges, loadContract } from '../../../../fixtures/help-desks/contract'
import { NOTE } from '../../../../fixtures/help-desks/connector-trouble'
import { JiraServer } from '../../../../fixtures/help-desks/jira-server'

const CONTRACTS = resolve(import.meta.dirname, '../../../../fixtures/contracts')
const SPEC = resolve(CONTRACTS, 'jira-service-management.openapi.json')
/** The Jira platform's issue search, which the service desk description does not cover. */
const PLATFORM_SEARCH = resolve(CONTRACTS, 'jira-platform-search.openapi.json')

describe('the Jira Service Management connector against Atlassian’s OpenAPI description', () => {
  let api: OpenAPIBackend
  let server: JiraServer
  beforeAll(async () => {
    const search = JSON.parse(await readFile(PLATFORM_SEARCH, 'utf8')) as {
      paths: NonNullable<Document['paths']>
      schemas: NonNullable<NonNullable<Document['components']>['schemas']>
    }
    api = await loadContract(SPEC, (document) => {
      Object.assign(document.paths ?? {}, search.paths)
      Object.assign(document.components?.schemas ?? {}, search.schemas)
    })
  })
  beforeEach(async () => {
    server = await new JiraServer().listen()
  })
  afterEach(() => server.close())

  it('sends only requests the description allows and is answered as it describes', async () => {
    const connector = createJiraConnector(
      { baseUrl: server.url, email: server.email },
      server.token,
    )
    await connector.readTicket('SUP-112')
    await connector.addInternalNote('SUP-112', NOTE)
    await connector.addPublicReply('SUP-112', { html: '<p>Fixed.</p>', text: 'Fixed.' })
    await connector.recentComments('SUP-112')
    await connector.addInternalNote('SUP-999', NOTE).catch(() => undefined)
    const refused = createJiraConnector({ baseUrl: server.url, email: server.email }, 'revoked')
    await refused.readTicket('SUP-112').catch(() => undefined)

    const report = checkExchanges(api, server.exchanges)
    expect(report.violations).toEqual([])
    expect(report.checked).toEqual([
      'getCustomerRequestByIdOrKey 200',
      'createRequestComment 201',
      'createRequestComment 201',
      'getRequestComments 200',
      'createRequestComment 404',
      'getCustomerRequestByIdOrKey 401',
    ])
  })

  it('reads the conversation and the reporter’s requests as the descriptions allow', async () => {
    const connector = createJiraConnector(
      { baseUrl: server.url, email: server.email },
      server.token,
    )
    server.fillConversation('SUP-112', 150)
    await connector.readConversation('SUP-112')
    await connector.recentTicketsOfRequester('SUP-112')
    await connector.readConversation('SUP-999').catch(() => undefined)

    const report = checkExchanges(api, server.exchanges)
    expect(report.violations).toEqual([])
    expect(report.checked).toEqual([
      'getCustomerRequestByIdOrKey 200',
      'getRequestComments 200',
      'getRequestComments 200',
      'getCustomerRequestByIdOrKey 200',
      'searchAndReconsileIssuesUsingJql 200',
      'getCustomerRequestByIdOrKey 404',
    ])
  })

  it('catches a comment with a field the description does not know', async () => {
    await fetch(`${server.url}/rest/servicedeskapi/request/SUP-112/comment`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${server.email}:${server.token}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ body: 'x', public: false, internal: true }),
    })
    expect(checkExchanges(api, server.exchanges).violations).toEqual([
      'createRequestComment request /requestBody: must NOT have additional properties',
    ])
  })
})
