import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectorOptions } from '../../../../../src/main/services/export/connectors/connector'
import { createZendeskConnector } from '../../../../../src/main/services/export/connectors/zendesk'
import { ARTICLE, articlesOf } from '../../../../fixtures/help-desks/conversation-checks'
import { failure, itSurvivesTrouble, NOTE } from '../../../../fixtures/help-desks/connector-trouble'
import { itReadsConversations } from '../../../../fixtures/help-desks/conversation-checks'
import { ZendeskServer } from '../../../../fixtures/help-desks/zendesk-server'

const REPLY = {
  html: '<p>Hi Maria, exports work again.</p>',
  text: 'Hi Maria, exports work again.',
}

describe('the Zendesk connector', () => {
  let server: ZendeskServer
  beforeEach(async () => {
    server = await new ZendeskServer().listen()
  })
  afterEach(() => server.close())

  function connect(options: ConnectorOptions = {}, token = server.token) {
    const helpCenter = { helpCenterSectionId: '360001', helpCenterPermissionGroupId: '12' }
    return createZendeskConnector(
      { baseUrl: server.url, email: server.email, ...helpCenter },
      token,
      options,
    )
  }

  it('adds an internal note as a private comment with its HTML', async () => {
    const result = await connect().addInternalNote('48213', NOTE)
    expect(server.posted).toMatchObject([{ ticketId: '48213', public: false, body: NOTE.html }])
    expect(server.posted[0]?.request.body).toEqual({
      ticket: { comment: { html_body: NOTE.html, public: false } },
    })
    expect(result.id).toMatch(/^\d+$/)
  })

  it('adds a public reply as a public comment', async () => {
    await connect().addPublicReply('48213', REPLY)
    expect(server.posted).toMatchObject([{ ticketId: '48213', public: true, body: REPLY.html }])
    expect(server.posted[0]?.request.body).toEqual({
      ticket: { comment: { html_body: REPLY.html, public: true } },
    })
  })

  it('reads the ticket with its requester’s name and an agent link', async () => {
    expect(await connect().readTicket('48213')).toEqual({
      id: '48213',
      subject: 'Invoices fail to export',
      requester: 'Maria Customer',
      status: 'open',
      updatedAt: '2026-03-02T09:00:00Z',
      url: `${server.url}/agent/tickets/48213`,
    })
  })

  it('lists the latest comments oldest first, as plain text', async () => {
    const connector = connect()
    await connector.addInternalNote('48213', NOTE)
    const comments = await connector.recentComments('48213')
    expect(comments.map(({ public: visible, text }) => ({ visible, text }))).toEqual([
      { visible: true, text: 'Exports stop at 50%.' },
      { visible: false, text: NOTE.text },
    ])
  })

  it('says which agent the credentials belong to', async () => {
    expect(await connect().testConnection()).toBe('Dana Agent (dana@acme.test)')
  })

  it('explains refused credentials in words an agent can act on (401)', async () => {
    const error = await failure(connect({}, 'wrong-token').addInternalNote('48213', NOTE))
    expect(error.kind).toBe('auth')
    expect(error.message).toBe(
      'Zendesk rejected the saved credentials (401). Check the email and API token in ' +
        "Settings → Help desks. Zendesk said: “Couldn't authenticate you”",
    )
    expect(server.posted).toEqual([])
  })

  it('says the ticket is gone when Zendesk does not know it (404)', async () => {
    const error = await failure(connect().addInternalNote('99999', NOTE))
    expect(error.kind).toBe('not-found')
    expect(error.message).toBe(
      'Ticket 99999 was not found in Zendesk. It may have been deleted or merged.',
    )
    expect(error.mayHaveLanded).toBe(false)
  })

  it('refuses a ticket id that would change the request path, and sends nothing', async () => {
    const connector = connect()
    // The id comes from the case, which any room member can edit.
    const hostile = ['..', '../users/me', '48213/../../users/me', '48213?role=admin', '48213#x', '']
    for (const id of hostile) {
      expect((await failure(connector.recentComments(id))).kind).toBe('not-found')
      expect((await failure(connector.addInternalNote(id, NOTE))).kind).toBe('not-found')
    }
    expect((await failure(connector.readTicket('..'))).message).toBe(
      'Zendesk has no ticket “..”: Zendesk ticket ids are numbers, e.g. 48213. Link the case to ' +
        'its ticket again by pasting the ticket’s address.',
    )
    expect(server.exchanges).toEqual([])
  })

  it('passes on Zendesk’s own reason when it refuses the comment (422)', async () => {
    const error = await failure(connect().addInternalNote('48000', NOTE))
    expect(error.kind).toBe('rejected')
    expect(error.status).toBe(422)
    expect(error.message).toBe(
      'Zendesk did not accept the note (422): Status: closed prevents ticket update',
    )
  })

  it('says what to set up before it can post a Help Center article', async () => {
    const connector = createZendeskConnector({ baseUrl: server.url, email: server.email }, 'x')
    const error = await failure(articlesOf(connector).createArticleDraft(ARTICLE))
    expect(error.kind).toBe('not-set-up')
    expect(error.message).toBe(
      'Posting articles to the Zendesk Help Center is not set up for this connection: it needs ' +
        'the id of the section drafts go into. Add it in Settings → Help desks, then post the ' +
        'article again.',
    )
    expect(server.exchanges).toEqual([])
  })

  itSurvivesTrouble('Zendesk', { server: () => server, connect, ticketId: '48213' })
  itReadsConversations('Zendesk', {
    server: () => server,
    connect,
    ticketId: '48213',
    missingId: '99999',
    fill: (count) => server.fillConversation(48213, count),
    otherTickets: ['Cannot add a second admin', 'Old outage report'],
    articles: () => server.articles.length,
  })
})
