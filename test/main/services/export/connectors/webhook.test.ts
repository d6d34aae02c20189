import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectorOptions } from '../../../../../src/main/services/export/connectors/connector'
import { createWebhookConnector } from '../../../../../src/main/services/export/connectors/webhook'
import { failure, itSurvivesTrouble, NOTE } from '../../../../fixtures/help-desks/connector-trouble'
import { WebhookServer } from '../../../../fixtures/help-desks/webhook-server'

const REPLY = { html: '<p>Hi Maria, all fixed.</p>', text: 'Hi Maria, all fixed.' }

describe('the webhook connector', () => {
  let server: WebhookServer
  beforeEach(async () => {
    server = await new WebhookServer().listen()
  })
  afterEach(() => server.close())

  function connect(options: ConnectorOptions = {}, secret = server.secret, url = server.hookUrl) {
    return createWebhookConnector({ url }, secret, options)
  }

  it('posts a note as a signed JSON event', async () => {
    const before = Date.now()
    const result = await connect().addInternalNote('T-9', NOTE)
    const request = server.posted[0]?.request
    expect(request?.body).toEqual({
      event: 'note',
      ticketId: 'T-9',
      html: NOTE.html,
      text: NOTE.text,
      sentAt: expect.any(String),
      idempotencyKey: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    const sentAt = Date.parse(String((request?.body as { sentAt: string }).sentAt))
    expect(sentAt).toBeGreaterThanOrEqual(before - 1000)
    const signature = createHmac('sha256', server.secret)
      .update(request?.text ?? '')
      .digest('hex')
    expect(request?.headers['x-swarmroom-signature']).toBe(`sha256=${signature}`)
    expect(result.id).toBe('wh-1')
  })

  it('posts a reply as a reply event', async () => {
    await connect().addPublicReply('T-9', REPLY)
    expect(server.posted).toMatchObject([{ ticketId: 'T-9', public: true, body: REPLY.html }])
    expect(server.posted[0]?.request.body).toMatchObject({ event: 'reply', text: REPLY.text })
  })

  it('sends the same idempotency key again for the same note, so a retry is not a duplicate', async () => {
    const connector = connect()
    const first = await connector.addInternalNote('T-9', NOTE)
    const again = await connector.addInternalNote('T-9', NOTE)
    expect(again.id).toBe(first.id)
    expect(server.posted).toHaveLength(1)
    const keys = server.exchanges.map(
      ({ request }) => (request.body as { idempotencyKey: string }).idempotencyKey,
    )
    expect(new Set(keys).size).toBe(1)
  })

  it('cannot read tickets, so it returns only what it was given', async () => {
    const connector = connect()
    expect(await connector.readTicket('T-9')).toEqual({
      id: 'T-9',
      subject: '',
      requester: '',
      status: '',
      updatedAt: '',
      url: '',
    })
    expect(await connector.recentComments('T-9')).toEqual([])
    expect(server.exchanges).toEqual([])
  })

  it('tests the connection with a signed ping', async () => {
    const host = new URL(server.url).host
    expect(await connect().testConnection()).toBe(`the webhook at ${host}`)
    expect(server.pings).toHaveLength(1)
  })

  it('explains a signature the receiver refuses (401)', async () => {
    const error = await failure(connect({}, 'old-secret').addInternalNote('T-9', NOTE))
    expect(error.kind).toBe('auth')
    expect(error.message).toBe(
      `The webhook at ${new URL(server.url).host} rejected the saved credentials (401). Check ` +
        'the signing secret in Settings → Help desks. The webhook at ' +
        `${new URL(server.url).host} said: “The signature does not match the body”`,
    )
  })

  it('points at the address when nothing listens there (404)', async () => {
    const wrong = `${server.url}/hooks/other`
    const error = await failure(connect({}, server.secret, wrong).addInternalNote('T-9', NOTE))
    expect(error.kind).toBe('not-found')
    expect(error.message).toBe(
      `The webhook at ${new URL(server.url).host} has nothing at ${wrong} (404). Check the ` +
        'address in Settings → Help desks.',
    )
  })

  it('passes on the receiver’s reason when it refuses the event (422)', async () => {
    const error = await failure(connect().addInternalNote('', NOTE))
    expect(error.kind).toBe('rejected')
    expect(error.message).toMatch(/did not accept the note \(422\): ticketId is required$/)
  })

  itSurvivesTrouble('the webhook', {
    server: () => server,
    connect,
    ticketId: 'T-9',
    readsComments: false,
  })
})
