import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectorOptions } from '../../../../../src/main/services/export/connectors/connector'
import { createZammadConnector } from '../../../../../src/main/services/export/connectors/zammad'
import { failure, itSurvivesTrouble, NOTE } from '../../../../fixtures/help-desks/connector-trouble'
import {
  ARTICLE,
  articlesOf,
  itReadsConversations,
} from '../../../../fixtures/help-desks/conversation-checks'
import { ZammadServer } from '../../../../fixtures/help-desks/zammad-server'

const REPLY = {
  html: '<p>Hi Maria, driver 4.2 fixes it.</p>',
  text: 'Hi Maria, driver 4.2 fixes it.',
}

describe('the Zammad connector', () => {
  let server: ZammadServer
  beforeEach(async () => {
    server = await new ZammadServer().listen()
  })
  afterEach(() => server.close())

  function connect(options: ConnectorOptions = {}, token = server.token) {
    const knowledgeBase = {
      knowledgeBaseId: '1',
      knowledgeBaseCategoryId: '3',
      knowledgeBaseLocaleId: '1',
    }
    return createZammadConnector({ baseUrl: server.url, ...knowledgeBase }, token, options)
  }

  it('adds an internal note as an internal HTML note article', async () => {
    const result = await connect().addInternalNote('771', NOTE)
    expect(server.posted).toMatchObject([{ ticketId: '771', public: false, body: NOTE.html }])
    expect(server.posted[0]?.request.body).toEqual({
      ticket_id: 771,
      content_type: 'text/html',
      body: NOTE.html,
      type: 'note',
      internal: true,
    })
    expect(server.posted[0]?.request.headers.authorization).toBe(`Token token=${server.token}`)
    expect(result.id).toBe('400')
  })

  it('sends a public reply as an email to the ticket’s customer', async () => {
    await connect().addPublicReply('771', REPLY)
    expect(server.posted).toMatchObject([{ ticketId: '771', public: true, body: REPLY.html }])
    expect(server.posted[0]?.request.body).toEqual({
      ticket_id: 771,
      content_type: 'text/html',
      type: 'email',
      sender: 'Agent',
      internal: false,
      to: 'maria@customer.test',
      subject: 'Printer driver crashes',
      body: REPLY.html,
    })
  })

  it('sends no reply when the customer has no email address to send it to', async () => {
    const customer = server.users.get(12)
    if (customer) customer.email = ''
    const error = await failure(connect().addPublicReply('771', REPLY))
    expect(error.kind).toBe('rejected')
    expect(error.message).toBe(
      'The customer of ticket 771 has no email address in Zammad, so the reply cannot be sent. ' +
        'Add the address in Zammad, then send the reply again.',
    )
    expect(server.posted).toEqual([])
  })

  it('reads the ticket with its customer, named state and a link to it', async () => {
    expect(await connect().readTicket('771')).toEqual({
      id: '771',
      subject: 'Printer driver crashes',
      requester: 'Maria Customer',
      status: 'open',
      updatedAt: '2026-03-02T09:00:00.000Z',
      url: `${server.url}/#ticket/zoom/771`,
    })
  })

  it('lists the ticket’s articles oldest first, as plain text', async () => {
    const connector = connect()
    await connector.addInternalNote('771', NOTE)
    const comments = await connector.recentComments('771')
    expect(comments.map(({ public: visible, text }) => ({ visible, text }))).toEqual([
      { visible: true, text: 'The driver crashes on print.' },
      { visible: false, text: NOTE.text },
    ])
  })

  it('says which user the access token belongs to', async () => {
    expect(await connect().testConnection()).toBe('Dana Agent (dana@acme.test)')
  })

  it('explains a refused access token (401)', async () => {
    const error = await failure(connect({}, 'stale').addInternalNote('771', NOTE))
    expect(error.kind).toBe('auth')
    expect(error.message).toBe(
      'Zammad rejected the saved credentials (401). Check the access token in Settings → Help ' +
        "desks. Zammad said: “Can't find User for Token”",
    )
  })

  it('says the ticket is gone when Zammad does not know it (404)', async () => {
    const error = await failure(connect().addInternalNote('999', NOTE))
    expect(error.kind).toBe('not-found')
    expect(error.message).toBe(
      'Ticket 999 was not found in Zammad. It may have been deleted or merged.',
    )
  })

  it('passes on Zammad’s own reason when it refuses the note (422)', async () => {
    const huge = `<p>${'x'.repeat(1_500_000)}</p>`
    const error = await failure(connect().addInternalNote('771', { html: huge, text: '' }))
    expect(error.kind).toBe('rejected')
    expect(error.message).toBe(
      'Zammad did not accept the note (422): body if article is to large, 1500007 chars - only 1500000 allowed',
    )
  })

  itSurvivesTrouble('Zammad', { server: () => server, connect, ticketId: '771' })
  itReadsConversations('Zammad', {
    server: () => server,
    connect,
    ticketId: '771',
    missingId: '99999',
    fill: (count) => server.fillConversation(771, count),
    otherTickets: ['Scanner not found on network', 'Toner order missing'],
    articles: () => server.answers.length,
  })

  it('names mail authors without their address', async () => {
    server.fillConversation(771, 2)
    const messages = await connect().readConversation('771')
    expect(messages.slice(-2).map((message) => message.author)).toEqual([
      'Maria Customer',
      'Dana Agent',
    ])
  })

  it('says which knowledge-base settings are missing before posting an answer', async () => {
    const error = await failure(
      articlesOf(createZammadConnector({ baseUrl: server.url }, server.token)).createArticleDraft(
        ARTICLE,
      ),
    )
    expect(error.kind).toBe('not-set-up')
    expect(error.message).toContain(
      'it needs the ids of the knowledge base, of the category drafts go into and of its language.',
    )
  })
})
