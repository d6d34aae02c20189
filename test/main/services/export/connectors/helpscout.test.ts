import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectorOptions } from '../../../../../src/main/services/export/connectors/connector'
import { createHelpScoutConnector } from '../../../../../src/main/services/export/connectors/helpscout'
import { failure, itSurvivesTrouble, NOTE } from '../../../../fixtures/help-desks/connector-trouble'
import {
  ARTICLE,
  articlesOf,
  itReadsConversations,
} from '../../../../fixtures/help-desks/conversation-checks'
import { HelpScoutServer } from '../../../../fixtures/help-desks/helpscout-server'

const REPLY = {
  html: '<p>Hi Maria, we corrected the VAT.</p>',
  text: 'Hi Maria, we corrected the VAT.',
}
const ID = '2451234567'

describe('the Help Scout connector', () => {
  let server: HelpScoutServer
  beforeEach(async () => {
    server = await new HelpScoutServer().listen()
  })
  afterEach(() => server.close())

  function connect(options: ConnectorOptions = {}, secret = server.appSecret) {
    return createHelpScoutConnector(
      { baseUrl: server.url, appId: server.appId, docsCollectionId: '5f1c2d3e4b0a' },
      secret,
      { helpScoutDocs: { apiKey: server.docsApiKey, baseUrl: server.url }, ...options },
    )
  }

  it('adds an internal note and takes its id from Resource-ID', async () => {
    const result = await connect().addInternalNote(ID, NOTE)
    expect(server.posted).toMatchObject([{ ticketId: ID, public: false, body: NOTE.html }])
    expect(server.posted[0]?.request.body).toEqual({ text: NOTE.html })
    expect(result.id).toBe('9000')
  })

  it('replies to the conversation’s primary customer', async () => {
    await connect().addPublicReply(ID, REPLY)
    expect(server.posted).toMatchObject([{ ticketId: ID, public: true }])
    expect(server.posted[0]?.request.body).toEqual({ customer: { id: 1001 }, text: REPLY.html })
  })

  it('buys one token with the app credentials and keeps using it', async () => {
    const connector = connect()
    await connector.testConnection()
    await connector.addInternalNote(ID, NOTE)
    expect(server.tokensIssued).toHaveLength(1)
    const tokenRequest = server.exchanges[0]?.request
    expect(tokenRequest?.path).toBe('/v2/oauth2/token')
    expect(tokenRequest?.body).toEqual({
      grant_type: 'client_credentials',
      client_id: server.appId,
      client_secret: server.appSecret,
    })
    expect(server.posted[0]?.request.headers.authorization).toBe(`Bearer ${server.tokensIssued[0]}`)
  })

  it('buys a new token once when Help Scout stops accepting the old one', async () => {
    const connector = connect()
    await connector.testConnection()
    server.revokeTokens()
    await connector.addInternalNote(ID, NOTE)
    expect(server.tokensIssued).toHaveLength(2)
    expect(server.posted).toHaveLength(1)
  })

  it('knows no note was posted when the token request itself times out', async () => {
    server.misbehave({ kind: 'slow', delayMs: 10_000 })
    const error = await failure(connect({ timeoutMs: 300 }).addInternalNote(ID, NOTE))
    expect(error.kind).toBe('timeout')
    expect(error.mayHaveLanded).toBe(false)
    expect(server.exchanges.map(({ request }) => request.path)).toEqual(['/v2/oauth2/token'])
  })

  it('reads the conversation with its customer and a link to it', async () => {
    expect(await connect().readTicket(ID)).toEqual({
      id: ID,
      subject: 'Invoice shows the wrong VAT',
      requester: 'Maria Customer',
      status: 'active',
      updatedAt: '2026-03-02T09:05:00Z',
      url: `https://secure.helpscout.net/conversation/${ID}/1234`,
    })
  })

  it('lists threads oldest first, leaving out line items', async () => {
    const connector = connect()
    await connector.addInternalNote(ID, NOTE)
    const comments = await connector.recentComments(ID)
    expect(comments.map(({ public: visible, text }) => ({ visible, text }))).toEqual([
      { visible: true, text: 'My invoice is wrong.' },
      { visible: false, text: NOTE.text },
    ])
  })

  it('says which user the app belongs to', async () => {
    expect(await connect().testConnection()).toBe('Dana Agent (dana@acme.test)')
  })

  it('explains refused app credentials (401) without asking twice', async () => {
    const error = await failure(connect({}, 'wrong-secret').addInternalNote(ID, NOTE))
    expect(error.kind).toBe('auth')
    expect(error.message).toBe(
      'Help Scout rejected the saved credentials (401). Check the app ID and app secret in ' +
        'Settings → Help desks. Help Scout said: “Bad client credentials”',
    )
    expect(server.exchanges).toHaveLength(1)
  })

  it('says the conversation is gone when Help Scout does not know it (404)', async () => {
    const error = await failure(connect().addInternalNote('1111', NOTE))
    expect(error.kind).toBe('not-found')
    expect(error.message).toBe(
      'Conversation 1111 was not found in Help Scout. It may have been deleted or merged.',
    )
  })

  it('passes on Help Scout’s field message when it refuses the note (400)', async () => {
    const error = await failure(connect().addInternalNote(ID, { html: '', text: '' }))
    expect(error.kind).toBe('rejected')
    expect(error.message).toBe('Help Scout did not accept the note (400): text: may not be empty')
  })

  itSurvivesTrouble('Help Scout', {
    server: () => server,
    connect,
    ticketId: ID,
    warmUp: (connector) => connector.testConnection(),
  })
  itReadsConversations('Help Scout', {
    server: () => server,
    connect,
    ticketId: ID,
    missingId: '2451239999',
    fill: (count) => server.fillConversation(ID, count),
    otherTickets: ['Refund for duplicate charge', 'Cannot export contacts'],
    articles: () => server.docsArticles.length,
    warmUp: (connector) => connector.testConnection(),
  })

  it('says Docs needs its own API key before it can post an article', async () => {
    const connector = createHelpScoutConnector(
      { baseUrl: server.url, appId: server.appId, docsCollectionId: '5f1c2d3e4b0a' },
      server.appSecret,
    )
    const error = await failure(articlesOf(connector).createArticleDraft(ARTICLE))
    expect(error.kind).toBe('not-set-up')
    expect(error.message).toBe(
      'Posting articles to Help Scout Docs is not set up for this connection: it needs a Docs ' +
        'API key. Add it in Settings → Help desks, then post the article again.',
    )
    expect(server.exchanges).toEqual([])
  })

  it('leaves line items out of the conversation', async () => {
    const messages = await connect().readConversation(ID)
    expect(messages.map(({ text, public: visible }) => ({ text, visible }))).toEqual([
      { text: 'My invoice is wrong.', visible: true },
    ])
  })
})
