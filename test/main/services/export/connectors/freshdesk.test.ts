import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectorOptions } from '../../../../../src/main/services/export/connectors/connector'
import { createFreshdeskConnector } from '../../../../../src/main/services/export/connectors/freshdesk'
import { failure, itSurvivesTrouble, NOTE } from '../../../../fixtures/help-desks/connector-trouble'
import { itReadsConversations } from '../../../../fixtures/help-desks/conversation-checks'
import { FreshdeskServer } from '../../../../fixtures/help-desks/freshdesk-server'

const REPLY = {
  html: '<p>Hi Maria, the refund is on its way.</p>',
  text: 'Hi Maria, the refund is on its way.',
}

describe('the Freshdesk connector', () => {
  let server: FreshdeskServer
  beforeEach(async () => {
    server = await new FreshdeskServer().listen()
  })
  afterEach(() => server.close())

  function connect(options: ConnectorOptions = {}, apiKey = server.apiKey) {
    return createFreshdeskConnector(
      { baseUrl: server.url, solutionFolderId: '5000123' },
      apiKey,
      options,
    )
  }

  it('adds an internal note as a private note with its HTML', async () => {
    const result = await connect().addInternalNote('77', NOTE)
    expect(server.posted).toMatchObject([{ ticketId: '77', public: false, body: NOTE.html }])
    expect(server.posted[0]?.request.path).toBe('/api/v2/tickets/77/notes')
    expect(server.posted[0]?.request.body).toEqual({ body: NOTE.html, private: true })
    expect(result.id).toBe('500')
  })

  it('adds a public reply through the reply endpoint', async () => {
    await connect().addPublicReply('77', REPLY)
    expect(server.posted).toMatchObject([{ ticketId: '77', public: true, body: REPLY.html }])
    expect(server.posted[0]?.request.path).toBe('/api/v2/tickets/77/reply')
    expect(server.posted[0]?.request.body).toEqual({ body: REPLY.html })
  })

  it('reads the ticket with its requester and names the status', async () => {
    expect(await connect().readTicket('77')).toEqual({
      id: '77',
      subject: 'Refund not received',
      requester: 'Maria Customer',
      status: 'Open',
      updatedAt: '2026-03-02T09:00:00Z',
      url: `${server.url}/a/tickets/77`,
    })
  })

  it('follows the pages of conversations to the last one', async () => {
    const connector = connect()
    server.maxPerPage = 2
    await connector.addPublicReply('77', REPLY)
    await connector.addInternalNote('77', NOTE)
    expect(await connector.recentComments('77')).toMatchObject([{ public: false, text: NOTE.text }])
  })

  it('says which agent the API key belongs to', async () => {
    expect(await connect().testConnection()).toBe('Dana Agent (dana@acme.test)')
  })

  it('explains a refused API key (401)', async () => {
    const error = await failure(connect({}, 'old-key').addInternalNote('77', NOTE))
    expect(error.kind).toBe('auth')
    expect(error.message).toBe(
      'Freshdesk rejected the saved credentials (401). Check the API key in Settings → Help ' +
        'desks. Freshdesk said: “You have to be logged in to perform this action.”',
    )
  })

  it('says the ticket is gone when Freshdesk does not know it (404)', async () => {
    const error = await failure(connect().addPublicReply('99999', REPLY))
    expect(error.kind).toBe('not-found')
    expect(error.message).toBe(
      'Ticket 99999 was not found in Freshdesk. It may have been deleted or merged.',
    )
  })

  it('passes on Freshdesk’s field message when it refuses the note (400)', async () => {
    const error = await failure(connect().addInternalNote('77', { html: '<p> </p>', text: '' }))
    expect(error.kind).toBe('rejected')
    expect(error.message).toBe(
      'Freshdesk did not accept the note (400): body: It should not be blank as this is a mandatory field',
    )
  })

  itSurvivesTrouble('Freshdesk', { server: () => server, connect, ticketId: '77' })
  itReadsConversations('Freshdesk', {
    server: () => server,
    connect,
    ticketId: '77',
    missingId: '99999',
    fill: (count) => server.fillConversation(77, count),
    otherTickets: ['Change of delivery address', 'Order arrived damaged'],
    articles: () => [...server.folders.values()].flat().length,
  })

  it('names each author once, whoever wrote how many messages', async () => {
    server.fillConversation(77, 40)
    const messages = await connect().readConversation('77')
    expect(messages[0]).toMatchObject({
      author: 'Maria Customer',
      text: 'Where is my refund? I returned the order on 1 March.',
    })
    expect(new Set(messages.map((message) => message.author))).toEqual(
      new Set(['Maria Customer', 'Dana Agent']),
    )
    const asked = server.exchanges.filter(({ request }) => /agents|contacts/.test(request.path))
    expect(asked.map(({ request }) => request.path)).toEqual(['/api/v2/agents/3001'])
  })
})
