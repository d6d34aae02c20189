/**
 * The case's knowledge-base draft posted as a Zendesk Help Center draft through the export
 * outbox, with a local Zendesk that accepts the article but answers too late: the retry looks
 * for the draft by its title before posting, so the help desk ends with exactly one article,
 * and the case's timeline logs its link once. A draft that failed for a missing setting is
 * tried again when posted again, and its state (with the reason in words) can be asked for.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listActions } from '../../../../src/shared/case/timeline'
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
const TITLE = 'Invoices charged twice after a retried payment'

const tempFolder = useTempFolder()
let bench: ExportBench
let zendesk: ZendeskServer
let dispatch: Dispatch

async function call(channel: string, input?: unknown): Promise<Result<unknown>> {
  return dispatch(channel, input, sender)
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

async function linkedCase(helpCenter: Record<string, string>): Promise<string> {
  const roomId = await bench.createCase()
  await call('connections:add', {
    kind: 'zendesk',
    label: 'Acme Zendesk',
    config: { baseUrl: zendesk.url, email: zendesk.email, ...helpCenter },
    secret: zendesk.token,
  })
  await call('export:linkTicket', { roomId, url: `${zendesk.url}/agent/tickets/48213` })
  await bench.writeSection(
    roomId,
    'summary',
    'Customers were charged twice when a payment retried.',
  )
  return roomId
}

describe('posting the knowledge-base draft to the help desk', () => {
  it('posts the article once although Zendesk answered the first attempt too late', async () => {
    const roomId = await linkedCase({
      helpCenterSectionId: '360001',
      helpCenterPermissionGroupId: '12',
    })
    // Zendesk saves the article but answers after Swarmroom stopped waiting.
    zendesk.misbehave({ kind: 'slow', delayMs: 10_000, applied: true }, 1, 'posts')
    const queued = await call('tickets:postArticle', { roomId, title: TITLE })
    expect(queued).toMatchObject({ ok: true, value: { link: '' } })
    const { entryId, state } = queued.ok
      ? (queued.value as { entryId: string; state: string })
      : { entryId: '', state: '' }
    // Saved first, then sent at once: by the time the answer is read it may be on its way.
    expect(['queued', 'sending']).toContain(state)
    await bench.services.outbox.whenIdle()
    const waiting = bench.services.outbox.list(roomId).find((entry) => entry.id === entryId)
    expect(waiting).toMatchObject({ state: 'waiting', lastError: { kind: 'timeout' } })
    expect(zendesk.articles).toHaveLength(1)

    // Asked again (a double click) while it waits: the same entry, nothing new queued.
    expect(await call('tickets:postArticle', { roomId, title: TITLE })).toMatchObject({
      ok: true,
      value: { entryId },
    })
    await bench.services.outbox.retry(entryId)
    await bench.services.outbox.whenIdle()

    const [article] = zendesk.articles
    expect(zendesk.articles).toHaveLength(1)
    expect(article).toMatchObject({ title: TITLE, draft: true, section_id: 360001 })
    expect(article?.body).toContain('Customers were charged twice when a payment retried.')
    const sent = bench.services.outbox.list(roomId).find((entry) => entry.id === entryId)
    expect(sent).toMatchObject({ state: 'sent', commentId: String(article?.id) })
    expect(sent?.link).toBe(article?.html_url)
    const logged = listActions(bench.savedCase(roomId)).filter((entry) =>
      entry.text.includes(article?.html_url ?? 'no link'),
    )
    expect(logged.map((entry) => entry.text)).toEqual([
      `The knowledge-base article “${TITLE}” was posted to Zendesk as a draft: ${article?.html_url}`,
    ])
  })

  it('fails with what to set up when the connection names no Help Center section', async () => {
    const roomId = await linkedCase({})
    const queued = await call('tickets:postArticle', { roomId, title: TITLE })
    const entryId = queued.ok ? (queued.value as { entryId: string }).entryId : ''
    await bench.services.outbox.whenIdle()
    const failed = bench.services.outbox.list(roomId).find((entry) => entry.id === entryId)
    expect(failed).toMatchObject({
      state: 'failed',
      lastError: {
        kind: 'not-set-up',
        message:
          'Posting articles to the Zendesk Help Center is not set up for this connection: it ' +
          'needs the id of the section drafts go into. Add it in Settings → Help desks, then ' +
          'post the article again.',
      },
    })
    expect(zendesk.articles).toEqual([])
    expect(await call('tickets:articleState', { entryId })).toMatchObject({
      ok: true,
      value: { entryId, state: 'failed', link: '', message: failed?.lastError?.message },
    })

    // The section is added in Settings; posting again tries the same entry again, once.
    const connection = bench.services.connections.all()[0]
    await call('connections:update', {
      id: connection?.id,
      label: 'Acme Zendesk',
      config: {
        baseUrl: zendesk.url,
        email: zendesk.email,
        helpCenterSectionId: '360001',
        helpCenterPermissionGroupId: '12',
      },
    })
    const again = await call('tickets:postArticle', { roomId, title: TITLE })
    expect(again).toMatchObject({ ok: true, value: { entryId } })
    await bench.services.outbox.whenIdle()
    expect(zendesk.articles).toHaveLength(1)
    expect(await call('tickets:articleState', { entryId })).toMatchObject({
      ok: true,
      value: { state: 'sent', link: zendesk.articles[0]?.html_url, message: '' },
    })
  })

  it('asks for a title', async () => {
    const roomId = await linkedCase({})
    expect(await call('tickets:postArticle', { roomId, title: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'Give the article a title.' },
    })
  })
})
