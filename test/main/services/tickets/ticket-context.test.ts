/**
 * The Ticket panel's reading in main, through the same IPC gate the app uses, against a local
 * Zendesk and real files: the conversation is read whole and saved sealed on disk; when the
 * help desk cannot answer (gone, refusing, rate limiting) the saved copy comes back with its
 * "as of" time and the reason in words; a damaged copy says so and is replaced by the next
 * good read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TicketContext } from '../../../../src/shared/channels/tickets'
import {
  createDispatcher,
  isFromRenderer,
  type Dispatch,
} from '../../../../src/main/services/ipc-dispatch'
import type { Result } from '../../../../src/shared/result'
import { ExportBench } from '../../../fixtures/export-bench'
import { ZendeskServer } from '../../../fixtures/help-desks/zendesk-server'
import { useTempFolder } from '../../../fixtures/temp-folder'

const RENDERER = 'file:///opt/Swarmroom/resources/app/out/renderer/index.html'
const sender = { url: RENDERER, isMainFrame: true }

const tempFolder = useTempFolder()
let bench: ExportBench
let zendesk: ZendeskServer
let dispatch: Dispatch

async function call(channel: string, input?: unknown): Promise<Result<unknown>> {
  return dispatch(channel, input, sender)
}

function contextOf(answer: Result<unknown>): TicketContext {
  if (!answer.ok) throw new Error(`expected a conversation, got: ${answer.error.message}`)
  return answer.value as TicketContext
}

beforeEach(async () => {
  zendesk = await new ZendeskServer().listen()
  bench = await ExportBench.start(tempFolder())
  dispatch = createDispatcher(bench.services.handlers, isFromRenderer(RENDERER))
})

afterEach(async () => {
  await bench.stop()
  await zendesk.close()
})

/** A case linked to Zendesk ticket 48213 through a connection with `secret`. */
async function linkedCase(secret = zendesk.token): Promise<string> {
  const roomId = await bench.createCase()
  await call('connections:add', {
    kind: 'zendesk',
    label: 'Acme Zendesk',
    config: { baseUrl: zendesk.url, email: zendesk.email },
    secret,
  })
  await call('export:linkTicket', { roomId, url: `${zendesk.url}/agent/tickets/48213` })
  return roomId
}

function cacheFile(roomId: string): string {
  return join(bench.folder, 'ticket-context', `${roomId}.json`)
}

describe('the ticket conversation in the case', () => {
  it('reads the whole conversation and the requester’s tickets, and saves them sealed', async () => {
    const roomId = await linkedCase()
    const written = zendesk.fillConversation(48213, 300)
    const context = contextOf(await call('tickets:read', { roomId }))
    expect(context).toMatchObject({
      system: 'zendesk',
      ticketId: '48213',
      fresh: true,
      problem: '',
    })
    expect(context.messages.map((message) => message.text).slice(-300)).toEqual(written)
    expect(context.otherTickets.map((ticket) => ticket.subject)).toEqual([
      'Cannot add a second admin',
      'Old outage report',
    ])
    // Customer data on disk is sealed like the room logs.
    const saved = readFileSync(cacheFile(roomId), 'utf8')
    expect(saved).not.toContain('Message 1 of 300')
    expect(saved).not.toContain('Maria')
    expect(existsSync(`${cacheFile(roomId)}.saving`)).toBe(false)
    expect(await call('tickets:cached', { roomId })).toEqual({
      ok: true,
      value: { ...context, fresh: false },
    })
  })

  it('shows the saved copy with its time when the help desk cannot be reached', async () => {
    const roomId = await linkedCase()
    const first = contextOf(await call('tickets:read', { roomId }))
    await zendesk.close()
    const offline = contextOf(await call('tickets:read', { roomId }))
    expect(offline).toMatchObject({ fresh: false, asOf: first.asOf, messages: first.messages })
    expect(offline.problem).toMatch(/^Zendesk could not be reached: /)
  })

  it('survives a restart: the saved copy is still there to read offline', async () => {
    const roomId = await linkedCase()
    const first = contextOf(await call('tickets:read', { roomId }))
    await bench.restart()
    dispatch = createDispatcher(bench.services.handlers, isFromRenderer(RENDERER))
    expect(contextOf(await call('tickets:cached', { roomId }))).toEqual({ ...first, fresh: false })
  })

  it('says in plain words that the help desk refused the saved credentials (401)', async () => {
    const roomId = await linkedCase('not-the-token')
    const answer = await call('tickets:read', { roomId })
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'help-desk',
        message:
          'Zendesk, the help desk, refused the saved credentials. Check the connection in ' +
          'Settings → Help desks. No copy of this ticket is saved on this computer yet.',
      },
    })
  })

  it('says the ticket is gone (404) and still shows what was saved', async () => {
    const roomId = await linkedCase()
    await call('tickets:read', { roomId })
    zendesk.tickets.delete(48213)
    zendesk.comments.delete(48213)
    const answer = contextOf(await call('tickets:read', { roomId }))
    expect(answer.fresh).toBe(false)
    expect(answer.problem).toBe(
      'Zendesk has no ticket 48213 any more: it may have been deleted or merged.',
    )
  })

  it('does not ask again before the time a 429 named, and shows the saved copy meanwhile', async () => {
    const roomId = await linkedCase()
    await call('tickets:read', { roomId })
    zendesk.misbehave({ kind: 'rate-limit', retryAfterSeconds: 600 })
    const limited = contextOf(await call('tickets:read', { roomId }))
    expect(limited.fresh).toBe(false)
    expect(limited.problem).toMatch(
      /^Zendesk asked Swarmroom to wait before reading again, until \d\d:\d\d\.$/,
    )
    const asked = zendesk.exchanges.length
    const again = contextOf(await call('tickets:read', { roomId }))
    expect(again.problem).toBe(limited.problem)
    expect(zendesk.exchanges).toHaveLength(asked)
  })

  it('says a damaged saved copy cannot be shown, and replaces it on the next good read', async () => {
    const roomId = await linkedCase()
    await call('tickets:read', { roomId })
    writeFileSync(cacheFile(roomId), '{"version":1,"sealed":"bm90IGEgc2VhbA=="}')
    const damaged = {
      ok: false,
      error: {
        code: 'storage-failed',
        message:
          'The copy of this ticket saved on this computer is damaged and cannot be shown. It is ' +
          'replaced the next time the help desk answers.',
      },
    }
    expect(await call('tickets:cached', { roomId })).toEqual(damaged)
    const fresh = contextOf(await call('tickets:read', { roomId }))
    expect(fresh.fresh).toBe(true)
    expect(contextOf(await call('tickets:cached', { roomId }))).toEqual({ ...fresh, fresh: false })
  })

  it('refuses a case that is not linked to a ticket, and a room id that is not one', async () => {
    const roomId = await bench.createCase()
    expect(await call('tickets:read', { roomId })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/not linked to a ticket/) },
    })
    expect(await call('tickets:read', { roomId: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
  })
})
