/**
 * The owner withdraws an export that could not go yet (Zendesk rate-limits the note, or refuses
 * the saved token): what was not on the ticket yet is never sent, not when retried and not
 * after a restart; the case says who cancelled it, for every member to read; and only the
 * owner may cancel. Real services, outbox and room logs, the local Zendesk.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listExports } from '../../../../src/shared/case/exports'
import { filterActions, listActions } from '../../../../src/shared/case/timeline'
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
  await bench.writeSection(roomId, 'summary', 'Invoices were charged twice.')
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

async function saveToken(secret: string): Promise<void> {
  await bench.services.connections.update({
    id: connectionId,
    label: 'Acme Zendesk',
    config: { baseUrl: zendesk.url, email: zendesk.email },
    secret,
  })
}

/** Exports `parts`; returns the export's id once the outbox did what it could. */
async function exportParts(parts: 'note' | 'both'): Promise<string> {
  const { hash } = await bench.services.exports.preview(roomId)
  const sent = await bench.services.exports.send({ roomId, parts, previewHash: hash })
  expect(sent.state).toBe('queued')
  await bench.services.exports.whenIdle()
  return sent.state === 'queued' ? sent.record.id : ''
}

describe('cancelling an export', () => {
  it('never sends what was cancelled, logs who cancelled it, and skips it on retry', async () => {
    // Zendesk asks to wait a minute before the note; the reply waits behind its note.
    zendesk.misbehave({ kind: 'rate-limit', retryAfterSeconds: 60 }, 1, 'posts')
    const exportId = await exportParts('both')
    expect(
      bench.services.exports.progress(roomId).map((part) => `${part.part} ${part.state}`),
    ).toEqual(['note waiting', 'reply queued'])

    const after = await bench.services.exports.cancel(roomId, exportId)
    expect(after.map((part) => part.state)).toEqual(['cancelled', 'cancelled'])
    await bench.services.exports.retry(roomId, exportId)
    await bench.restart()
    await bench.services.exports.whenIdle()

    expect(zendesk.posted).toEqual([])
    expect(bench.services.outbox.list(roomId).map((entry) => entry.state)).toEqual([
      'cancelled',
      'cancelled',
    ])
    const doc = bench.savedCase(roomId)
    const [record] = listExports(doc)
    expect(record).toMatchObject({ state: 'failed', cancelledAt: expect.any(String) })
    const events = filterActions(listActions(doc), { kinds: ['export'] })
    expect(events.map((entry) => entry.text)).toEqual([
      'Dana Whitfield cancelled the export of the internal note and the customer reply to Zendesk ticket 48213 before it was sent.',
    ])
  })

  it('is for the owner only', async () => {
    await saveToken('a-revoked-token')
    const exportId = await exportParts('note')
    const [note] = bench.services.exports.progress(roomId)
    expect(note).toMatchObject({ state: 'failed', errorKind: 'auth', connectionId })
    await bench.services.app.update((data) => {
      if (data.identity) data.identity = { ...data.identity, memberId: 'someone-else' }
    })

    await expect(bench.services.exports.cancel(roomId, exportId)).rejects.toThrow(
      'Only the case owner can cancel an export.',
    )
    expect(bench.services.outbox.list(roomId).map((entry) => entry.state)).toEqual(['failed'])
  })
})
