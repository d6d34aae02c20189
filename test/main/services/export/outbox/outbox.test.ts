/**
 * The outbox stands between an approved customer reply and a help desk that may be slow,
 * rate-limited, down, or answering after we stopped listening. What it guards against: an
 * export lost in a crash, a retry before the help desk allows it, and, worst of all, the same
 * reply posted to the customer twice because the first attempt's answer never arrived.
 * The help desk is a real HTTP server on loopback and app.json a real file; only the clock is
 * moved by hand, so that waits of minutes take no time.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppStore, type AppData } from '../../../../../src/main/services/storage/app-store'
import type { PostContent } from '../../../../../src/main/services/export/connectors/connector'
import { Outbox, type Schedule } from '../../../../../src/main/services/export/outbox/outbox'
import {
  newOutboxEntry,
  type OutboxEntry,
  type OutboxRequest,
} from '../../../../../src/main/services/export/outbox/outbox-entry'
import { testKey } from '../../../../fixtures/at-rest-key'
import { FakeHelpDesk, type DeskAction } from '../../../../fixtures/fake-help-desk'
import { FakeHelpDeskConnector } from '../../../../fixtures/fake-help-desk-connector'
import { useTempFolder } from '../../../../fixtures/temp-folder'

const START = '2025-03-04T14:00:00.000Z'

/** A clock moved by hand: timers run when it passes their time. */
class ManualClock {
  private time = Date.parse(START)
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

/** The install's key; the same across restarts, as the keychain keeps it. */
const KEY = testKey()
const TOKEN = 'desk-token-7f3a'
const TICKET = '4211'
const CONNECTION = 'connection-acme-zendesk'
const REPLY: PostContent = {
  html: '<p>Hi Dana,</p><p>The refund of $129 was issued today.</p>',
  text: 'Hi Dana,\n\nThe refund of $129 was issued today.',
}
const NOTE: PostContent = {
  html: '<p>Charged twice in March.</p>',
  text: 'Charged twice in March.',
}

/** One part of the first export of the case "Acme refund" to ticket 4211. */
function request(part: OutboxRequest['part'] = 'reply'): OutboxRequest {
  const content = part === 'reply' ? REPLY : NOTE
  const ids = { roomId: 'room-acme-refund', exportId: 'export-1', connectionId: CONNECTION }
  return { ...ids, ticketId: TICKET, part, content }
}

const tempFolder = useTempFolder()
let clock: ManualClock
let desk: FakeHelpDesk
let connector: FakeHelpDeskConnector
const opened: Outbox[] = []

beforeEach(async () => {
  clock = new ManualClock()
  desk = await FakeHelpDesk.start({ token: TOKEN, tickets: [TICKET], now: clock.now })
  connector = new FakeHelpDeskConnector({ baseUrl: desk.baseUrl, token: TOKEN, now: clock.now })
})

afterEach(async () => {
  vi.restoreAllMocks()
  for (const outbox of opened.splice(0)) await outbox.stop()
  await desk.stop()
})

/** Opens app.json in the test's folder and starts an outbox on it, as the app does. */
async function openOutbox(key = KEY): Promise<{ store: AppStore; outbox: Outbox }> {
  const store = await AppStore.open(tempFolder())
  const outbox = new Outbox({
    store,
    key,
    connectorFor: (id) => (id === CONNECTION ? connector : undefined),
    now: clock.now,
    schedule: clock.schedule,
    random: () => 0.5,
  })
  opened.push(outbox)
  await outbox.start()
  return { store, outbox }
}

/** Writes entries straight into app.json, as an earlier run of the app left them. */
async function saveOutbox(entries: unknown[]): Promise<void> {
  const store = await AppStore.open(tempFolder())
  await store.update((data) => {
    data.outbox = entries
  })
}

function savedOutbox(): unknown[] {
  return (JSON.parse(readFileSync(join(tempFolder(), 'app.json'), 'utf8')) as AppData).outbox
}

function actions(): DeskAction[] {
  return desk.requests.map((seen) => seen.action)
}

function at(msAfterStart: number): string {
  return new Date(Date.parse(START) + msAfterStart).toISOString()
}

describe('Outbox', () => {
  it('saves an export in app.json before the help desk sees any request', async () => {
    const { outbox } = await openOutbox()
    let savedAtFirstRequest: unknown[] | undefined
    desk.onRequest = () => {
      savedAtFirstRequest ??= savedOutbox()
    }
    const states: string[] = []
    outbox.onChange((entry) => states.push(entry.state))

    const entry = await outbox.enqueue(request())
    await outbox.whenIdle()

    expect(savedAtFirstRequest).toEqual([
      expect.objectContaining({
        id: entry.id,
        ticketId: TICKET,
        content: { sealed: expect.any(String) },
      }),
    ])
    const [reply] = desk.comments(TICKET)
    expect(reply).toMatchObject({ public: true, body: REPLY.text, html_body: REPLY.html })
    expect(outbox.get(entry.id)).toMatchObject({ state: 'sent', commentId: reply?.id, attempts: 1 })
    expect(states).toEqual(['queued', 'sending', 'sent'])
    expect(savedOutbox()).toEqual([expect.objectContaining({ id: entry.id, state: 'sent' })])
  })

  it('sends nothing before a rate limit ends, then sends', async () => {
    const { outbox } = await openOutbox()
    desk.plan('add', { kind: 'rate-limit', retryAfterSeconds: 90 })

    const entry = await outbox.enqueue(request())
    await outbox.whenIdle()
    const waiting = outbox.get(entry.id)
    clock.advance(89_999)
    await outbox.whenIdle()
    const requestsBeforeRetryAfter = desk.requests.length
    clock.advance(1)
    await outbox.whenIdle()

    expect(waiting).toMatchObject({ state: 'waiting', nextAttemptAt: at(90_000) })
    expect(waiting?.lastError?.message).toMatch(
      /^Rate limited by Zendesk: will try again at \d\d:\d\d\.$/,
    )
    expect(requestsBeforeRetryAfter).toBe(1)
    expect(actions()).toEqual(['add', 'add'])
    expect(outbox.get(entry.id)).toMatchObject({ state: 'sent', attempts: 2 })
    expect(desk.comments(TICKET)).toHaveLength(1)
  })

  it.each([
    { how: 'a timeout', then: 'accept-then-stall', kind: 'timeout', timeoutMs: 500 },
    { how: 'a dropped connection', then: 'accept-then-drop', kind: 'unreachable', timeoutMs: 5000 },
  ] as const)('does not post a reply twice when $how hid that it landed', async (failure) => {
    const { outbox } = await openOutbox()
    desk.plan('add', { kind: failure.then })
    connector.timeoutMs = failure.timeoutMs

    const entry = await outbox.enqueue(request())
    await outbox.whenIdle()
    const waiting = outbox.get(entry.id)
    connector.timeoutMs = 5000
    clock.advance(2_000)
    await outbox.whenIdle()

    expect(waiting).toMatchObject({ state: 'waiting', lastError: { kind: failure.kind } })
    expect(waiting?.idempotency.mayHaveLanded).toBe(true)
    const landed = desk.comments(TICKET)
    expect(landed).toHaveLength(1)
    expect(outbox.get(entry.id)).toMatchObject({ state: 'sent', commentId: landed[0]?.id })
    expect(actions()).toEqual(['add', 'list'])
  })

  it('resumes a retry after a restart and sends exactly once', async () => {
    const first = await openOutbox()
    desk.plan('add', { kind: 'status', status: 503, error: 'Service Unavailable' })
    const entry = await first.outbox.enqueue(request())
    await first.outbox.whenIdle()
    await first.outbox.stop()
    await first.store.flush()

    const second = await openOutbox()
    const resumed = second.outbox.get(entry.id)
    clock.advance(2_000)
    await second.outbox.whenIdle()

    expect(resumed).toMatchObject({ state: 'waiting', attempts: 1, nextAttemptAt: at(2_000) })
    expect(resumed?.lastError?.message).toContain('Could not reach Zendesk (503 Service')
    expect(second.outbox.get(entry.id)).toMatchObject({ state: 'sent', attempts: 2 })
    expect(actions()).toEqual(['add', 'add'])
    expect(desk.comments(TICKET)).toHaveLength(1)
  })

  describe('after a restart while an entry was sending', () => {
    function interrupted(): OutboxEntry {
      return {
        ...newOutboxEntry(request(), 'entry-interrupted', new Date(START)),
        state: 'sending',
        attempts: 1,
        idempotency: {
          firstAttemptAt: START,
          attemptStartedAt: START,
          inFlight: true,
          mayHaveLanded: false,
        },
      }
    }

    it('finds the reply that landed and does not post it again', async () => {
      await saveOutbox([interrupted()])
      // The help desk reflowed the whitespace; the words are the same.
      const landedId = desk.addComment(TICKET, {
        public: true,
        body: '  Hi Dana,\r\n The refund of $129 was issued today.\n',
        createdAt: new Date(Date.parse(START) + 400),
      })

      const { outbox } = await openOutbox()
      await outbox.whenIdle()

      expect(actions()).toEqual(['list'])
      expect(outbox.get('entry-interrupted')).toMatchObject({ state: 'sent', commentId: landedId })
      expect(desk.comments(TICKET)).toHaveLength(1)
    })

    it('looks on the ticket first and posts once when it had not landed', async () => {
      await saveOutbox([interrupted()])
      // Same words, but neither is the attempt: one is an internal note, one is a day old.
      desk.addComment(TICKET, { public: false, body: REPLY.text, createdAt: new Date(START) })
      desk.addComment(TICKET, {
        public: true,
        body: REPLY.text,
        createdAt: new Date(Date.parse(START) - 24 * 3600_000),
      })

      const { outbox } = await openOutbox()
      await outbox.whenIdle()

      expect(actions()).toEqual(['list', 'add'])
      const posted = desk.comments(TICKET)[2]
      expect(outbox.get('entry-interrupted')).toMatchObject({
        state: 'sent',
        commentId: posted?.id,
      })
      expect(desk.comments(TICKET)).toHaveLength(3)
    })

    it('waits instead of posting when the ticket cannot be read', async () => {
      await saveOutbox([interrupted()])
      desk.plan('list', { kind: 'status', status: 502, error: 'Bad Gateway' })

      const { outbox } = await openOutbox()
      await outbox.whenIdle()

      expect(actions()).toEqual(['list'])
      expect(outbox.get('entry-interrupted')).toMatchObject({
        state: 'waiting',
        idempotency: { mayHaveLanded: true, inFlight: false },
      })
    })
  })

  it.each([
    {
      status: 401,
      error: 'Invalid token',
      kind: 'auth',
      says: 'Update the connection in Settings',
    },
    { status: 404, error: 'RecordNotFound', kind: 'not-found', says: 'Ticket 4211 was not found' },
    {
      status: 422,
      error: 'Ticket is closed',
      kind: 'rejected',
      says: 'refused the customer reply (Ticket is closed)',
    },
  ])('stops on $status until the user retries', async ({ status, error, kind, says }) => {
    const { outbox } = await openOutbox()
    desk.plan('add', { kind: 'status', status, error })

    const entry = await outbox.enqueue(request())
    await outbox.whenIdle()
    const failed = outbox.get(entry.id)
    clock.advance(60 * 60_000)
    await outbox.whenIdle()
    const requestsWithoutRetry = desk.requests.length
    await outbox.retry(entry.id)
    await outbox.whenIdle()

    expect(failed).toMatchObject({ state: 'failed', nextAttemptAt: null, lastError: { kind } })
    expect(failed?.lastError?.message).toContain(says)
    expect(requestsWithoutRetry).toBe(1)
    expect(outbox.get(entry.id)).toMatchObject({ state: 'sent', attempts: 2 })
    expect(desk.comments(TICKET)).toHaveLength(1)
  })

  it('waits longer each time the help desk is unreachable and sends once it is back', async () => {
    const { outbox } = await openOutbox()
    await desk.stop()

    const entry = await outbox.enqueue(request())
    await outbox.whenIdle()
    const firstWait = outbox.get(entry.id)
    clock.advance(2_000)
    await outbox.whenIdle()
    const secondWait = outbox.get(entry.id)
    await desk.restart()
    clock.advance(4_000)
    await outbox.whenIdle()

    expect(firstWait).toMatchObject({ state: 'waiting', nextAttemptAt: at(2_000) })
    expect(firstWait?.lastError?.message).toMatch(/^Could not reach Zendesk \(the connection/)
    expect(secondWait).toMatchObject({ state: 'waiting', nextAttemptAt: at(6_000) })
    // Refused connections count as "may have landed", so it looks before posting.
    expect(actions()).toEqual(['list', 'add'])
    expect(outbox.get(entry.id)).toMatchObject({ state: 'sent', attempts: 3 })
    expect(desk.comments(TICKET)).toHaveLength(1)
  })

  describe('with the bodies encrypted at rest', () => {
    function appJson(): string {
      return readFileSync(join(tempFolder(), 'app.json'), 'utf8')
    }

    it('keeps the words of a note out of app.json and still sends them after a restart', async () => {
      const first = await openOutbox()
      desk.plan('add', { kind: 'status', status: 503, error: 'Service Unavailable' })
      const entry = await first.outbox.enqueue(request('note'))
      await first.outbox.whenIdle()
      await first.outbox.stop()
      await first.store.flush()

      expect(appJson()).not.toContain('Charged twice')
      expect(appJson()).not.toContain('March')
      expect(appJson()).toContain(entry.id)

      const second = await openOutbox()
      expect(second.outbox.get(entry.id)?.content).toEqual(NOTE)
      clock.advance(2_000)
      await second.outbox.whenIdle()

      expect(second.outbox.get(entry.id)).toMatchObject({ state: 'sent' })
      expect(desk.comments(TICKET)).toMatchObject([
        { public: false, body: NOTE.text, html_body: NOTE.html },
      ])
      expect(appJson()).not.toContain('Charged twice')
    })

    it('sends an entry an earlier version saved in plain and saves it encrypted from then on', async () => {
      await saveOutbox([newOutboxEntry(request('note'), 'entry-plain', new Date(START))])
      expect(appJson()).toContain('Charged twice')

      const { outbox } = await openOutbox()
      await outbox.whenIdle()

      expect(outbox.get('entry-plain')).toMatchObject({ state: 'sent', content: NOTE })
      expect(desk.comments(TICKET)).toMatchObject([{ body: NOTE.text }])
      expect(appJson()).not.toContain('Charged twice')
    })

    it('leaves an entry sealed with another key unchanged, with a notice, and sends nothing', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const first = await openOutbox()
      desk.plan('add', { kind: 'status', status: 503, error: 'Service Unavailable' })
      await first.outbox.enqueue(request('note'))
      await first.outbox.whenIdle()
      await first.outbox.stop()
      await first.store.flush()
      const before = savedOutbox()

      const { outbox } = await openOutbox(testKey())
      clock.advance(60_000)
      await outbox.whenIdle()

      expect(outbox.list()).toEqual([])
      expect(outbox.notices.map((notice) => notice.message)).toEqual([
        expect.stringContaining('its text could not be decrypted'),
      ])
      expect(savedOutbox()).toEqual(before)
      expect(actions()).toEqual(['add'])
    })
  })

  it('skips a damaged entry with a notice and still sends the others', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const reply = newOutboxEntry(request('reply'), 'entry-reply', new Date(START))
    const note = newOutboxEntry(request('note'), 'entry-note', new Date(START))
    const damaged = { ...reply, id: 'entry-damaged', state: 'exploded' }
    await saveOutbox([reply, damaged, 'not an export', note])

    const { outbox } = await openOutbox()
    await outbox.whenIdle()

    expect(outbox.notices.map((notice) => notice.message)).toEqual([
      expect.stringContaining('Export 2 in the outbox for ticket 4211 could not be read (state:'),
      expect.stringContaining('Export 3 in the outbox could not be read (it is not an export)'),
    ])
    const states = outbox.list().map((entry) => `${entry.id} ${entry.state}`)
    expect(states).toEqual(['entry-reply sent', 'entry-note sent'])
    // Saved reply first, yet the note of the same export reaches the ticket first.
    expect(desk.comments(TICKET).map((comment) => comment.public)).toEqual([false, true])
    expect(savedOutbox()[1]).toEqual(damaged)
    expect(savedOutbox()[2]).toBe('not an export')
  })

  it('fails an export whose help-desk connection was removed, without any request', async () => {
    const { outbox } = await openOutbox()

    const entry = await outbox.enqueue({ ...request(), connectionId: 'connection-deleted' })
    await outbox.whenIdle()

    const failed = outbox.get(entry.id)
    expect(failed).toMatchObject({ state: 'failed', lastError: { kind: 'connection-removed' } })
    expect(failed?.lastError?.message).toBe(
      'The help-desk connection used for this export was removed. Add it again in Settings, then retry.',
    )
    expect(desk.requests).toEqual([])
  })

  it('posts a part of an export queued twice only once', async () => {
    const { outbox } = await openOutbox()

    const entries = await Promise.all([1, 2].map(() => outbox.enqueue(request())))
    await outbox.whenIdle()

    expect(new Set(entries.map((entry) => entry.id)).size).toBe(1)
    expect(outbox.list('room-acme-refund')).toHaveLength(1)
    expect(desk.comments(TICKET)).toHaveLength(1)
  })

  it('never sends a cancelled export and refuses to cancel one being sent', async () => {
    const { outbox } = await openOutbox()
    desk.plan('add', { kind: 'rate-limit', retryAfterSeconds: 30 })
    const waiting = await outbox.enqueue(request('reply'))
    await outbox.whenIdle()

    await outbox.cancel(waiting.id)
    clock.advance(60_000)
    await outbox.whenIdle()
    const sending = await outbox.enqueue(request('note'))

    await expect(outbox.cancel(sending.id)).rejects.toThrow(
      'This export is being sent right now, so it cannot be cancelled.',
    )
    await outbox.whenIdle()
    expect(outbox.get(waiting.id)?.state).toBe('cancelled')
    expect(desk.comments(TICKET).map((comment) => comment.public)).toEqual([false])
  })
})
