/**
 * An export outlives the app: the reply's request is cut off after Zendesk applied it, the app
 * quits while the retry waits, and the next start finds the reply on the ticket instead of
 * posting it again, then writes the outcome into the case. And an export refused for bad
 * credentials is retried from the case once the connection is fixed. Real outbox, real room
 * logs, a real fake Zendesk; the only wait is the outbox's own first backoff (about 2 s).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listExports } from '../../../../src/shared/case/exports'
import { listUpdates } from '../../../../src/shared/case/updates'
import { ExportBench } from '../../../fixtures/export-bench'
import { ZendeskServer } from '../../../fixtures/help-desks/zendesk-server'
import { useTempFolder } from '../../../fixtures/temp-folder'

const REPLY = 'Hi Maria, the duplicate charges are reversed.'

const tempFolder = useTempFolder()
let bench: ExportBench
let zendesk: ZendeskServer
let roomId: string
let connectionId: string

beforeEach(async () => {
  zendesk = await new ZendeskServer().listen()
  bench = await ExportBench.start(tempFolder())
  roomId = await bench.createCase()
  await bench.writeSection(roomId, 'customerUpdate', REPLY)
  await bench.approveUpdate(roomId)
  connectionId = (
    await bench.services.connections.add({
      kind: 'zendesk',
      label: 'Acme Zendesk',
      config: { baseUrl: zendesk.url, email: zendesk.email },
      secret: zendesk.token,
    })
  ).id
  await bench.services.tickets.link(roomId, `${zendesk.url}/agent/tickets/48213`)
})

afterEach(async () => {
  await bench.stop()
  await zendesk.close()
})

/** app.json and every room log, as bytes on disk. */
function filesOnDisk(): string {
  const rooms = join(bench.folder, 'rooms')
  const logs = readdirSync(rooms).map((name) => readFileSync(join(rooms, name), 'latin1'))
  return [readFileSync(join(bench.folder, 'app.json'), 'latin1'), ...logs].join('\n')
}

function publicReplies(): number {
  return zendesk.posted.filter((item) => item.public).length
}

describe('an export across a restart', () => {
  it('finds the reply that landed before the restart and never posts it twice', async () => {
    const { hash } = await bench.services.exports.preview(roomId)
    // The ticket is read again first (ticket, requester, comments), then the reply is posted:
    // Zendesk applies it, and the connection drops before the answer.
    zendesk.misbehave({ kind: 'slow', delayMs: 0 }, 3)
    zendesk.misbehave({ kind: 'drop', applied: true })
    await bench.services.exports.send({ roomId, parts: 'reply', previewHash: hash })
    await bench.services.exports.whenIdle()

    const [waiting] = bench.services.outbox.list(roomId)
    expect(waiting).toMatchObject({ state: 'waiting', idempotency: { mayHaveLanded: true } })
    expect(listExports(bench.savedCase(roomId))).toMatchObject([
      { state: 'queued', error: expect.stringMatching(/^Could not reach Zendesk/) },
    ])
    expect(publicReplies()).toBe(1)
    // The reply waits in the outbox and lives in the case: neither file shows its words.
    expect(filesOnDisk()).not.toContain('duplicate charges')

    await bench.restart()
    await expect
      .poll(() => bench.services.outbox.list(roomId)[0]?.state, { timeout: 15_000 })
      .toBe('sent')
    await bench.services.exports.whenIdle()

    expect(publicReplies()).toBe(1)
    const landed = zendesk.comments.get(48213)?.at(-1)
    const doc = bench.savedCase(roomId)
    expect(listExports(doc)).toMatchObject([{ state: 'sent', replyId: String(landed?.id) }])
    expect(listExports(doc)[0]?.error).toBeUndefined()
    expect(listUpdates(doc)).toMatchObject([
      { text: REPLY, ticketResult: { commentId: String(landed?.id) } },
    ])
  })

  it('fails on refused credentials, says so in the case, and sends once retried after the fix', async () => {
    await bench.services.connections.update({
      id: connectionId,
      label: 'Acme Zendesk',
      config: { baseUrl: zendesk.url, email: zendesk.email },
      secret: 'a-revoked-token',
    })
    const { hash } = await bench.services.exports.preview(roomId)
    await bench.services.exports.send({ roomId, parts: 'note', previewHash: hash })
    await bench.services.exports.whenIdle()
    const [failed] = listExports(bench.savedCase(roomId))
    expect(failed).toMatchObject({ state: 'failed' })
    expect(failed?.error).toMatch(
      /^Zendesk did not accept the saved credentials.*Update the connection in Settings, then retry\.$/,
    )

    await bench.services.connections.update({
      id: connectionId,
      label: 'Acme Zendesk',
      config: { baseUrl: zendesk.url, email: zendesk.email },
      secret: zendesk.token,
    })
    const progress = await bench.services.exports.retry(roomId, failed?.id ?? '')
    expect(progress.map((part) => part.state)).not.toContain('failed')
    await bench.services.exports.whenIdle()
    expect(listExports(bench.savedCase(roomId))).toMatchObject([{ state: 'sent' }])
    expect(zendesk.posted.map((item) => item.public)).toEqual([false])
  })

  it('will not retry a reply whose text changed since the export was made', async () => {
    await bench.approveUpdate(roomId)
    // Zendesk asks Swarmroom to wait a minute: the reply waits in the outbox.
    zendesk.misbehave({ kind: 'rate-limit', retryAfterSeconds: 60 }, 1, 'posts')
    const { hash } = await bench.services.exports.preview(roomId)
    await bench.services.exports.send({ roomId, parts: 'reply', previewHash: hash })
    await bench.services.exports.whenIdle()
    const [failed] = listExports(bench.savedCase(roomId))
    expect(failed).toMatchObject({ state: 'queued' })

    await bench.writeSection(roomId, 'customerUpdate', 'A better reply, written since.')

    await expect(bench.services.exports.retry(roomId, failed?.id ?? '')).rejects.toThrow(
      'The customer update changed since this export was made',
    )
    expect(zendesk.posted).toEqual([])
  })

  it('explains that an export made on another computer can only be retried there', async () => {
    await expect(bench.services.exports.retry(roomId, 'made-elsewhere')).rejects.toThrow(
      /made on another computer/,
    )
  })
})
