/**
 * The export channels through the same gate the app uses (sender check, zod validation,
 * errors as values): bad input is refused in words, a help desk's refusal comes back as the
 * agent-facing message, and no answer ever carries a connection's secret.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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
const answers: Result<unknown>[] = []

async function call(channel: string, input?: unknown): Promise<Result<unknown>> {
  const answer = await dispatch(channel, input, sender)
  answers.push(answer)
  return answer
}

beforeEach(async () => {
  zendesk = await new ZendeskServer().listen()
  bench = await ExportBench.start(tempFolder())
  dispatch = createDispatcher(bench.services.handlers, isFromRenderer(RENDERER))
  answers.length = 0
})

afterEach(async () => {
  await bench.stop()
  await zendesk.close()
})

function zendeskConnection(secret = zendesk.token): Record<string, unknown> {
  return {
    kind: 'zendesk',
    label: 'Acme Zendesk',
    config: { baseUrl: zendesk.url, email: zendesk.email },
    secret,
  }
}

describe('the export channels', () => {
  it('never answers with a connection’s secret', async () => {
    const added = await call('connections:add', zendeskConnection())
    expect(added).toMatchObject({ ok: true, value: { hasSecret: true } })
    const id = added.ok ? (added.value as { id: string }).id : ''
    await call('connections:list')
    await call('connections:update', {
      id,
      label: 'Renamed',
      config: { baseUrl: zendesk.url, email: zendesk.email },
    })
    expect(await call('connections:test', { id })).toMatchObject({ ok: true, value: { ok: true } })
    expect(JSON.stringify(answers)).not.toContain(zendesk.token)
  })

  it('refuses a help desk it does not know and a connection without a name', async () => {
    expect(
      await call('connections:add', { ...zendeskConnection(), kind: 'salesforce' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    const unnamed = await call('connections:add', { ...zendeskConnection(), label: ' ' })
    expect(unnamed).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'Give the connection a name.', field: 'label' },
    })
  })

  it('refuses settings with more keys than any help desk has, before reading them', async () => {
    const config = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`key${i}`, 'x']))
    expect(await call('connections:add', { ...zendeskConnection(), config })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'A help-desk connection has at most 16 settings.',
        field: 'config',
      },
    })
  })

  it('refuses an export of something other than the note, the reply or both', async () => {
    const roomId = await bench.createCase()
    const answer = await call('export:send', { roomId, parts: 'everything', previewHash: 'x' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('answers a ticket the help desk does not have with its words, as a help-desk error', async () => {
    const roomId = await bench.createCase()
    await call('connections:add', zendeskConnection())
    const answer = await call('export:linkTicket', {
      roomId,
      url: `${zendesk.url}/agent/tickets/404404`,
    })
    expect(answer).toEqual({
      ok: false,
      error: { code: 'help-desk', message: expect.stringMatching(/404404/) },
    })
  })

  it('reads a pasted ticket address for a new case: subject and requester from the help desk', async () => {
    // Without a connection, a Zendesk address still gives the help desk and the ticket's id.
    const hosted = 'https://acme.zendesk.com/agent/tickets/48213'
    expect(await call('export:lookUpTicket', { url: hosted })).toMatchObject({
      ok: true,
      value: {
        state: 'found',
        ticket: { system: 'zendesk', id: '48213', url: hosted },
        subject: '',
        requester: '',
        message: expect.stringContaining('add a Zendesk connection in Settings'),
      },
    })
    const url = `${zendesk.url}/agent/tickets/48213`
    await call('connections:add', zendeskConnection())
    expect(await call('export:lookUpTicket', { url })).toEqual({
      ok: true,
      value: {
        state: 'found',
        ticket: { system: 'zendesk', id: '48213', url },
        subject: 'Invoices fail to export',
        requester: 'Maria Customer',
        message: 'Filled in from Zendesk ticket 48213.',
      },
    })
    const missing = await call('export:lookUpTicket', {
      url: `${zendesk.url}/agent/tickets/404404`,
    })
    expect(missing).toMatchObject({ ok: true, value: { state: 'found', subject: '' } })
    const notTicket = await call('export:lookUpTicket', { url: 'https://example.com/hello' })
    expect(notTicket).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('explains that an export needs the case to be linked to a ticket first', async () => {
    const roomId = await bench.createCase()
    const preview = await call('export:preview', { roomId })
    const hash = preview.ok ? (preview.value as { hash: string }).hash : ''
    const answer = await call('export:send', { roomId, parts: 'note', previewHash: hash })
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/^Link the case to its ticket first/),
      },
    })
  })

  it('says where a file was saved, and that nothing was when the dialog was cancelled', async () => {
    const roomId = await bench.createCase()
    const saved = await call('export:saveFile', { roomId, part: 'note', format: 'markdown' })
    expect(saved).toMatchObject({
      ok: true,
      value: { saved: true, path: expect.stringMatching(/\.md$/) },
    })
    bench.saveAs = () => undefined
    expect(await call('export:saveFile', { roomId, part: 'reply', format: 'html' })).toEqual({
      ok: true,
      value: { saved: false, path: '' },
    })
  })
})
