/**
 * The owner's controls over an export on its way, against the local Zendesk that answers as the
 * real one does (its 429 with Retry-After, its 401): a note and a reply exported together reach
 * the ticket note first, even when the note is rate limited or fails and is retried; "Retry
 * now" skips the backoff wait but not the help desk's own rate limit; and a cancelled part is
 * never sent, not on retry and not after a restart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createZendeskConnector } from '../../../../../src/main/services/export/connectors/zendesk'
import { Outbox, type Schedule } from '../../../../../src/main/services/export/outbox/outbox'
import type { OutboxRequest } from '../../../../../src/main/services/export/outbox/outbox-entry'
import { AppStore } from '../../../../../src/main/services/storage/app-store'
import { testKey } from '../../../../fixtures/at-rest-key'
import { ZendeskServer } from '../../../../fixtures/help-desks/zendesk-server'
import { useTempFolder } from '../../../../fixtures/temp-folder'

/** A clock moved by hand from the real time (Zendesk's Retry-After is read against it). */
class ManualClock {
  private time = Date.now()
  private timers: { at: number; run: () => void }[] = []

  readonly now = (): Date => new Date(this.time)

  readonly schedule: Schedule = (run, delayMs) => {
    const timer = { at: this.time + delayMs, run }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((other) => other !== timer)
    }
  }

  advance(ms: number): void {
    this.time += ms
    const due = this.timers.filter((timer) => timer.at <= this.time)
    this.timers = this.timers.filter((timer) => timer.at > this.time)
    for (const timer of due) timer.run()
  }
}

/** The install's key, the same across restarts as the keychain keeps it. */
const KEY = testKey()
const CONNECTION = 'connection-acme-zendesk'
const TICKET = '48213'
const NOTE = { html: '<p>Charged twice in March.</p>', text: 'Charged twice in March.' }
const REPLY = {
  html: '<p>Hi Maria, the refund is on its way.</p>',
  text: 'Hi Maria, the refund is on its way.',
}

function request(part: OutboxRequest['part'], exportId = 'export-1'): OutboxRequest {
  const content = part === 'reply' ? REPLY : NOTE
  return {
    roomId: 'room-acme-refund',
    exportId,
    connectionId: CONNECTION,
    ticketId: TICKET,
    part,
    content,
  }
}

const tempFolder = useTempFolder()
let zendesk: ZendeskServer
let clock: ManualClock
/** The API token the saved connection holds; the test "fixes the settings" by changing it. */
let savedToken: string
const opened: Outbox[] = []

beforeEach(async () => {
  zendesk = await new ZendeskServer().listen()
  clock = new ManualClock()
  savedToken = zendesk.token
})

afterEach(async () => {
  for (const outbox of opened.splice(0)) await outbox.stop()
  await zendesk.close()
})

async function openOutbox(): Promise<Outbox> {
  const store = await AppStore.open(tempFolder())
  const outbox = new Outbox({
    store,
    key: KEY,
    connectorFor: (id) =>
      id === CONNECTION
        ? createZendeskConnector({ baseUrl: zendesk.url, email: zendesk.email }, savedToken)
        : undefined,
    now: clock.now,
    schedule: clock.schedule,
    random: () => 0.5,
  })
  opened.push(outbox)
  await outbox.start()
  return outbox
}

/** What reached the ticket, in order: internal notes are private comments. */
function arrived(): string[] {
  return zendesk.posted.map((post) => (post.public ? 'reply' : 'note'))
}

describe('the outbox with Zendesk', () => {
  it('sends the note before the reply when Zendesk rate-limits the note', async () => {
    const outbox = await openOutbox()
    zendesk.misbehave({ kind: 'rate-limit', retryAfterSeconds: 30 }, 1, 'posts')

    const [note, reply] = await outbox.enqueueAll([request('note'), request('reply')])
    await outbox.whenIdle()

    expect(outbox.get(note?.id ?? '')?.state).toBe('waiting')
    expect(outbox.get(note?.id ?? '')?.lastError?.message).toContain('Rate limited by Zendesk')
    expect(outbox.get(reply?.id ?? '')?.state).toBe('queued')
    expect(zendesk.posted).toEqual([])

    clock.advance(31_000)
    await outbox.whenIdle()
    expect(arrived()).toEqual(['note', 'reply'])
    expect(outbox.list().map((entry) => entry.state)).toEqual(['sent', 'sent'])
  })

  it('holds the reply while its note failed, and sends the note first after a retry', async () => {
    savedToken = 'a-token-that-was-revoked'
    const outbox = await openOutbox()

    const [note, reply] = await outbox.enqueueAll([request('note'), request('reply')])
    await outbox.whenIdle()
    const failed = outbox.get(note?.id ?? '')
    expect(failed?.state).toBe('failed')
    expect(failed?.lastError?.kind).toBe('auth')
    expect(failed?.lastError?.message).toContain(
      'Zendesk did not accept the saved credentials, so the internal note was not sent.',
    )
    expect(outbox.get(reply?.id ?? '')?.state).toBe('queued')
    clock.advance(10 * 60_000)
    await outbox.whenIdle()
    expect(zendesk.posted).toEqual([])

    savedToken = zendesk.token
    await outbox.retry(note?.id ?? '')
    await outbox.whenIdle()
    expect(arrived()).toEqual(['note', 'reply'])
  })

  it('retries now, without waiting out the backoff, an export Zendesk could not be reached for', async () => {
    const outbox = await openOutbox()
    zendesk.misbehave({ kind: 'drop' }, 1, 'posts')

    const note = await outbox.enqueue(request('note'))
    await outbox.whenIdle()
    const waiting = outbox.get(note.id)
    expect(waiting?.state).toBe('waiting')
    expect(Date.parse(waiting?.nextAttemptAt ?? '')).toBeGreaterThan(clock.now().getTime())

    await outbox.retry(note.id)
    await outbox.whenIdle()
    expect(outbox.get(note.id)?.state).toBe('sent')
    expect(arrived()).toEqual(['note'])
  })

  it('still honours Zendesk’s Retry-After when the owner retries now', async () => {
    const outbox = await openOutbox()
    zendesk.misbehave({ kind: 'rate-limit', retryAfterSeconds: 45 }, 1, 'posts')

    const note = await outbox.enqueue(request('note'))
    await outbox.whenIdle()
    await outbox.retry(note.id)
    await outbox.whenIdle()
    expect(zendesk.posted).toEqual([])

    clock.advance(46_000)
    await outbox.whenIdle()
    expect(arrived()).toEqual(['note'])
  })

  it('never sends a cancelled export: not when retried, not after a restart', async () => {
    savedToken = 'a-token-that-was-revoked'
    const outbox = await openOutbox()
    const [note, reply] = await outbox.enqueueAll([request('note'), request('reply')])
    await outbox.whenIdle()

    await outbox.cancel(reply?.id ?? '')
    await outbox.cancel(note?.id ?? '')
    savedToken = zendesk.token
    await expect(outbox.retry(note?.id ?? '')).rejects.toThrow(
      'This export was cancelled, so it is never sent.',
    )
    clock.advance(10 * 60_000)
    await outbox.whenIdle()
    await outbox.stop()

    const restarted = await openOutbox()
    clock.advance(10 * 60_000)
    await restarted.whenIdle()
    expect(restarted.list().map((entry) => entry.state)).toEqual(['cancelled', 'cancelled'])
    expect(zendesk.posted).toEqual([])
  })

  it('sends the reply once its note was cancelled', async () => {
    const outbox = await openOutbox()
    zendesk.misbehave({ kind: 'rate-limit', retryAfterSeconds: 30 }, 1, 'posts')
    const [note] = await outbox.enqueueAll([request('note'), request('reply')])
    await outbox.whenIdle()

    await outbox.cancel(note?.id ?? '')
    clock.advance(31_000)
    await outbox.whenIdle()
    expect(arrived()).toEqual(['reply'])
  })
})
