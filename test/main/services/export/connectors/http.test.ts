/**
 * The shared HTTP helper decides what an agent reads when a help desk misbehaves, and whether
 * the outbox may safely post again: these tests pin both for the cases no single vendor shows.
 */
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { HelpDeskHttp } from '../../../../../src/main/services/export/connectors/http'
import { retryAtFrom } from '../../../../../src/main/services/export/connectors/retry-at'
import { vendorMessage } from '../../../../../src/main/services/export/connectors/vendor-message'
import { failure } from '../../../../fixtures/help-desks/connector-trouble'

const NOW = new Date('2026-03-02T09:00:00Z')

describe('when a rate-limited help desk allows the next request', () => {
  it('reads Retry-After in seconds', () => {
    expect(retryAtFrom(new Headers({ 'Retry-After': '30' }), NOW)).toEqual(
      new Date('2026-03-02T09:00:30Z'),
    )
  })

  it('reads Retry-After as an HTTP date', () => {
    const headers = new Headers({ 'Retry-After': 'Mon, 02 Mar 2026 09:05:00 GMT' })
    expect(retryAtFrom(headers, NOW)).toEqual(new Date('2026-03-02T09:05:00Z'))
  })

  it('reads Help Scout’s X-RateLimit-Retry-After in seconds', () => {
    const headers = new Headers({ 'X-RateLimit-Retry-After': '12' })
    expect(retryAtFrom(headers, NOW)).toEqual(new Date('2026-03-02T09:00:12Z'))
  })

  it('reads Intercom’s X-RateLimit-Reset as a Unix time', () => {
    const reset = String(Date.parse('2026-03-02T09:00:10Z') / 1000)
    expect(retryAtFrom(new Headers({ 'X-RateLimit-Reset': reset }), NOW)).toEqual(
      new Date('2026-03-02T09:00:10Z'),
    )
  })

  it('reads Jira’s X-RateLimit-Reset as an ISO time', () => {
    const headers = new Headers({ 'X-RateLimit-Reset': '2026-03-02T09:01:00Z' })
    expect(retryAtFrom(headers, NOW)).toEqual(new Date('2026-03-02T09:01:00Z'))
  })

  it('waits a minute when the help desk names no time', () => {
    expect(retryAtFrom(new Headers(), NOW)).toEqual(new Date('2026-03-02T09:01:00Z'))
  })
})

describe('finding the help desk’s own words in an error', () => {
  it.each([
    [
      'Zendesk details',
      {
        error: 'RecordInvalid',
        description: 'Record validation errors',
        details: { base: [{ description: 'Requester: Email is invalid' }] },
      },
      'Requester: Email is invalid',
    ],
    [
      'Intercom errors',
      { type: 'error.list', errors: [{ code: 'parameter_invalid', message: 'Body is required' }] },
      'Body is required',
    ],
    [
      'a Jira Service Management errorMessage',
      { errorMessage: 'The request is closed.' },
      'The request is closed.',
    ],
    [
      'Jira platform errors',
      { errorMessages: [], errors: { comment: 'Comment body can not be empty!' } },
      'comment: Comment body can not be empty!',
    ],
    [
      'Freshdesk field errors',
      {
        description: 'Validation failed',
        errors: [{ field: 'body', message: 'Too long', code: 'invalid_value' }],
      },
      'body: Too long',
    ],
    [
      'Help Scout embedded errors',
      {
        message: 'Bad request',
        _embedded: { errors: [{ path: 'text', message: 'may not be empty' }] },
      },
      'text: may not be empty',
    ],
    [
      'a Zammad error',
      { error: 'Internal detail', error_human: 'Ticket is locked' },
      'Ticket is locked',
    ],
    [
      'an OAuth error',
      { error: 'invalid_client', error_description: 'Bad client credentials' },
      'Bad client credentials',
    ],
    ['plain text', 'Service paused for maintenance', 'Service paused for maintenance'],
  ])('reads %s', (_shape, body, expected) => {
    expect(vendorMessage(body)).toBe(expected)
  })

  it('shows no HTML error page to an agent', () => {
    expect(
      vendorMessage('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'),
    ).toBeUndefined()
  })
})

describe('talking to a help desk', () => {
  let server: Server
  let answer: (response: ServerResponse) => void
  beforeEach(async () => {
    server = createServer((_request, response) => answer(response))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  })
  afterEach(async () => {
    if (!server.listening) return
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  function http(timeoutMs = 2000): HelpDeskHttp {
    const { port } = server.address() as AddressInfo
    return new HelpDeskHttp({
      vendor: 'Zendesk',
      baseUrl: `http://127.0.0.1:${port}`,
      credentials: 'email and API token',
      authorize: () => ({ Authorization: 'Basic eDp5' }),
      timeoutMs,
    })
  }

  it('says nothing was posted when the help desk refuses the connection', async () => {
    const client = http()
    await new Promise((resolve) => server.close(resolve))
    const error = await failure(
      client.send({ method: 'POST', path: '/api/v2/tickets/1', json: {}, posting: 'note' }),
    )
    expect(error.kind).toBe('unreachable')
    expect(error.mayHaveLanded).toBe(false)
    expect(error.message).toMatch(
      /^Swarmroom could not connect to Zendesk at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\./,
    )
    expect(error.message).toContain('nothing was posted')
  })

  it('treats a 5xx as the help desk’s own trouble, to retry later, after looking', async () => {
    answer = (response) =>
      response.writeHead(504, { 'Content-Type': 'text/html' }).end('<html>gateway</html>')
    const error = await failure(
      http().send({ method: 'POST', path: '/x', json: {}, posting: 'note' }),
    )
    expect(error.kind).toBe('unreachable')
    expect(error.status).toBe(504)
    // A gateway may answer 504 after the help desk saved the note.
    expect(error.mayHaveLanded).toBe(true)
    expect(error.message).toBe(
      'Zendesk had a problem on its side (504). Swarmroom will try again later.',
    )
    const read = await failure(http().send({ path: '/api/v2/tickets/1' }))
    expect(read.mayHaveLanded).toBe(false)
  })

  it('says a post answered with success in an unknown shape may have landed', async () => {
    answer = (response) =>
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>saved</html>')
    const error = await failure(
      http().read(
        { method: 'POST', path: '/x', json: {}, posting: 'reply' },
        z.object({ id: z.string() }),
      ),
    )
    expect(error.kind).toBe('unreachable')
    expect(error.mayHaveLanded).toBe(true)
  })

  it('does not mistake a login page for help-desk data', async () => {
    answer = (response) =>
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Sign in</html>')
    const error = await failure(
      http().read({ path: '/api/v2/tickets/1' }, z.object({ ticket: z.object({}) })),
    )
    expect(error.kind).toBe('unreachable')
    expect(error.message).toBe(
      'Zendesk answered in a form Swarmroom does not understand. Check the address in Settings → Help desks.',
    )
  })

  it('does not follow a redirect, so the credentials never reach the other address', async () => {
    const received: string[] = []
    const elsewhere = createServer((request, response) => {
      received.push(`${request.method} ${request.url}`)
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"access_token":"x"}')
    })
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve))
    const target = `127.0.0.1:${(elsewhere.address() as AddressInfo).port}`
    answer = (response) =>
      response.writeHead(307, { Location: `http://${target}/v2/oauth2/token` }).end()
    const { port } = server.address() as AddressInfo
    const helpScout = new HelpDeskHttp({
      vendor: 'Help Scout',
      baseUrl: `http://127.0.0.1:${port}`,
      credentials: 'app ID and app secret',
      authorize: () => ({}),
    })
    try {
      // Help Scout's token request carries the app secret in its body.
      const error = await failure(
        helpScout.send({
          method: 'POST',
          path: '/v2/oauth2/token',
          anonymous: true,
          form: { grant_type: 'client_credentials', client_secret: 'the app secret' },
        }),
      )
      expect(error.message).toBe(
        `Help Scout answered with a redirect to ${target}; Swarmroom does not follow redirects ` +
          'with your credentials. Check the address in Settings → Help desks.',
      )
      expect(error.status).toBe(307)
      expect(error.mayHaveLanded).toBe(false)
      expect(received).toEqual([])
    } finally {
      elsewhere.closeAllConnections()
      await new Promise((resolve) => elsewhere.close(resolve))
    }
  })

  it('stops reading an answer larger than 10 MiB and says so', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x')
    const chunks = (11 * 1024 * 1024) / chunk.length
    let written = 0
    answer = (response) => {
      // No Content-Length: the size is only known by reading, as with a streamed answer.
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.on('error', () => undefined)
      const writeMore = (): void => {
        while (written < chunks) {
          written += 1
          if (!response.write(chunk)) return void response.once('drain', writeMore)
        }
        response.end()
      }
      writeMore()
    }
    const error = await failure(http().send({ path: '/api/v2/tickets/1/comments' }))
    expect(error.kind).toBe('unreachable')
    expect(error.message).toBe(
      'Zendesk sent an answer larger than 10 MiB, more than Swarmroom reads. ' +
        'Check the address in Settings → Help desks.',
    )
  })

  it('asks only for a moment’s patience when a read times out', async () => {
    answer = () => undefined
    const error = await failure(http(200).send({ path: '/api/v2/tickets/1' }))
    expect(error.kind).toBe('timeout')
    expect(error.message).toBe('Zendesk did not answer within 0.2 seconds. Try again in a moment.')
  })
})
