import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectorOptions } from '../../../../../src/main/services/export/connectors/connector'
import { createJiraConnector } from '../../../../../src/main/services/export/connectors/jira'
import { failure, itSurvivesTrouble, NOTE } from '../../../../fixtures/help-desks/connector-trouble'
import { itReadsConversations } from '../../../../fixtures/help-desks/conversation-checks'
import { JiraServer } from '../../../../fixtures/help-desks/jira-server'

const REPLY = {
  html: '<p>Hi Maria, you can log in again.</p>',
  text: 'Hi Maria, you can log in again.',
}

describe('the Jira Service Management connector', () => {
  let server: JiraServer
  beforeEach(async () => {
    server = await new JiraServer().listen()
  })
  afterEach(() => server.close())

  function connect(options: ConnectorOptions = {}, token = server.token) {
    return createJiraConnector({ baseUrl: server.url, email: server.email }, token, options)
  }

  it('adds an internal note as a private comment in plain text', async () => {
    const result = await connect().addInternalNote('SUP-112', NOTE)
    expect(server.posted).toMatchObject([{ ticketId: 'SUP-112', public: false, body: NOTE.text }])
    expect(server.posted[0]?.request.body).toEqual({ body: NOTE.text, public: false })
    expect(result.id).toBe('20000')
  })

  it('adds a public reply as a public comment', async () => {
    await connect().addPublicReply('SUP-112', REPLY)
    expect(server.posted[0]?.request.body).toEqual({ body: REPLY.text, public: true })
  })

  it('reads the request with its summary, reporter and status', async () => {
    expect(await connect().readTicket('SUP-112')).toEqual({
      id: 'SUP-112',
      subject: 'Cannot log in to the portal',
      requester: 'Maria Customer',
      status: 'Waiting for support',
      updatedAt: '',
      url: `${server.url}/browse/SUP-112`,
    })
  })

  it('pages through the comments to the last page', async () => {
    const connector = connect()
    server.maxPageSize = 2
    await connector.addPublicReply('SUP-112', REPLY)
    await connector.addInternalNote('SUP-112', NOTE)
    const comments = await connector.recentComments('SUP-112')
    expect(comments).toMatchObject([{ public: false, text: NOTE.text }])
    expect(server.exchanges.map(({ request }) => request.query.get('start')).slice(-2)).toEqual([
      '0',
      '2',
    ])
  })

  it('says which account the API token belongs to', async () => {
    expect(await connect().testConnection()).toBe('Dana Agent (dana@acme.test)')
  })

  it('explains a refused API token (401)', async () => {
    const error = await failure(connect({}, 'revoked').addInternalNote('SUP-112', NOTE))
    expect(error.kind).toBe('auth')
    expect(error.message).toMatch(
      /^Jira Service Management rejected the saved credentials \(401\)\. Check the email and API token in Settings → Help desks\./,
    )
  })

  it('says the request is gone when Jira does not know it (404)', async () => {
    const error = await failure(connect().addInternalNote('SUP-999', NOTE))
    expect(error.kind).toBe('not-found')
    expect(error.message).toBe(
      'Request SUP-999 was not found in Jira Service Management. It may have been deleted or merged.',
    )
  })

  it('refuses a request key that would change the request path, and sends nothing', async () => {
    const connector = connect()
    for (const key of [
      '..',
      'SUP-112/../..',
      'SUP-112/../../../api/3/myself',
      'SUP-112?x',
      'SUP',
    ]) {
      expect((await failure(connector.readTicket(key))).kind).toBe('not-found')
      expect((await failure(connector.addPublicReply(key, REPLY))).kind).toBe('not-found')
    }
    expect((await failure(connector.recentComments('../../api/3/myself'))).message).toBe(
      'Jira Service Management has no request “../../api/3/myself”: Jira Service Management ' +
        'request ids are keys such as SUP-112, or numbers. Link the case to its ticket again by ' +
        'pasting the ticket’s address.',
    )
    expect(server.exchanges).toEqual([])
  })

  it('passes on Jira’s own reason when it refuses the comment (400)', async () => {
    const error = await failure(connect().addInternalNote('SUP-112', { html: '', text: ' ' }))
    expect(error.kind).toBe('rejected')
    expect(error.message).toBe(
      'Jira Service Management did not accept the note (400): The comment body cannot be empty.',
    )
  })

  itSurvivesTrouble('Jira Service Management', {
    server: () => server,
    connect,
    ticketId: 'SUP-112',
  })
  itReadsConversations('Jira Service Management', {
    server: () => server,
    connect,
    ticketId: 'SUP-112',
    missingId: 'SUP-999',
    fill: (count) => server.fillConversation('SUP-112', count),
    otherTickets: ['Password reset mail never arrives', 'Portal shows the wrong language'],
  })

  it('has no knowledge-base drafts to post: its knowledge base is Confluence', () => {
    expect(connect().createArticleDraft).toBeUndefined()
  })
})
