import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectorOptions } from '../../../../../src/main/services/export/connectors/connector'
import { createIntercomConnector } from '../../../../../src/main/services/export/connectors/intercom'
import { ARTICLE, articlesOf } from '../../../../fixtures/help-desks/conversation-checks'
import { failure, itSurvivesTrouble, NOTE } from '../../../../fixtures/help-desks/connector-trouble'
import { itReadsConversations } from '../../../../fixtures/help-desks/conversation-checks'
import { ADMIN_ID, IntercomServer } from '../../../../fixtures/help-desks/intercom-server'

const REPLY = {
  html: '<p>Hi Maria, exports work again.</p>',
  text: 'Hi Maria, exports work again.',
}

describe('the Intercom connector', () => {
  let server: IntercomServer
  beforeEach(async () => {
    server = await new IntercomServer().listen()
  })
  afterEach(() => server.close())

  function connect(options: ConnectorOptions = {}, token = server.token) {
    return createIntercomConnector({ baseUrl: server.url, adminId: ADMIN_ID }, token, options)
  }

  it('adds an internal note as an admin note, naming the API version', async () => {
    const result = await connect().addInternalNote('1234567', NOTE)
    expect(server.posted).toMatchObject([{ ticketId: '1234567', public: false, body: NOTE.html }])
    const request = server.posted[0]?.request
    expect(request?.body).toEqual({
      message_type: 'note',
      type: 'admin',
      admin_id: ADMIN_ID,
      body: NOTE.html,
    })
    expect(request?.headers['intercom-version']).toBe('2.14')
    expect(request?.headers.authorization).toBe(`Bearer ${server.token}`)
    expect(result.id).toBe('300')
  })

  it('adds a public reply as an admin comment the customer sees', async () => {
    await connect().addPublicReply('1234567', REPLY)
    expect(server.posted).toMatchObject([{ ticketId: '1234567', public: true, body: REPLY.html }])
    expect(server.posted[0]?.request.body).toMatchObject({ message_type: 'comment', type: 'admin' })
  })

  it('reads the conversation with its customer and an inbox link', async () => {
    expect(await connect().readTicket('1234567')).toEqual({
      id: '1234567',
      subject: 'Invoices fail to export',
      requester: 'Maria Customer',
      status: 'open',
      updatedAt: '2026-03-02T09:00:00.000Z',
      url: 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/1234567',
    })
  })

  it('lists the opening message and the parts since, as plain text', async () => {
    const connector = connect()
    await connector.addInternalNote('1234567', NOTE)
    const comments = await connector.recentComments('1234567')
    expect(comments.map(({ public: visible, text }) => ({ visible, text }))).toEqual([
      { visible: true, text: 'Hello, exports are broken.' },
      { visible: true, text: 'Exports stop at 50%.' },
      { visible: false, text: NOTE.text },
    ])
  })

  it('says which admin the token belongs to', async () => {
    expect(await connect().testConnection()).toBe('Dana Agent (dana@acme.test)')
  })

  it('explains a refused access token (401)', async () => {
    const error = await failure(connect({}, 'expired').addInternalNote('1234567', NOTE))
    expect(error.kind).toBe('auth')
    expect(error.message).toBe(
      'Intercom rejected the saved credentials (401). Check the access token in ' +
        'Settings → Help desks. Intercom said: “Access Token Invalid”',
    )
  })

  it('says the conversation is gone when Intercom does not know it (404)', async () => {
    const error = await failure(connect().addInternalNote('7654321', NOTE))
    expect(error.kind).toBe('not-found')
    expect(error.message).toBe(
      'Conversation 7654321 was not found in Intercom. It may have been deleted or merged.',
    )
  })

  it('passes on Intercom’s own reason when it refuses the note (400)', async () => {
    const error = await failure(connect().addInternalNote('1234567', { html: '<p></p>', text: '' }))
    expect(error.kind).toBe('rejected')
    expect(error.message).toBe('Intercom did not accept the note (400): Body is required')
  })

  it('says articles need the admin’s numeric id as their author', async () => {
    const connector = createIntercomConnector({ baseUrl: server.url, adminId: 'dana' }, 'x')
    const error = await failure(articlesOf(connector).createArticleDraft(ARTICLE))
    expect(error.kind).toBe('not-set-up')
    expect(error.message).toContain('the admin ID must be the number Intercom gives the admin.')
  })

  itSurvivesTrouble('Intercom', { server: () => server, connect, ticketId: '1234567' })
  itReadsConversations('Intercom', {
    server: () => server,
    connect,
    ticketId: '1234567',
    missingId: '7654321',
    fill: (count) => server.fillConversation('1234567', count),
    otherTickets: ['Invoice address is wrong', 'Cannot invite a teammate'],
    articles: () => server.articles.length,
  })
})
