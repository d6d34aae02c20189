/**
 * The export outbox. Every export to a help desk is saved in app.json before anything is sent,
 * so it survives a crash or a restart. Failures that pass on their own (rate limits, no answer)
 * are retried with backoff, honouring a rate limit's "retry at" exactly; failures that need the
 * user (credentials, missing ticket, refused content) wait for `retry`.
 *
 * Note first: the reply of an export waits until its note is on the ticket (or was cancelled),
 * so a teammate reading the ticket finds the internal note before the customer's reply, even
 * when the note was rate limited or failed and retried.
 *
 * Never twice: before each request the entry is saved as in flight. When an attempt may have
 * landed (a timeout, a dropped connection, a restart mid-send), the next one first looks for the
 * same text on the ticket and, if it is there, records it as sent without posting again.
 */
import { randomUUID } from 'node:crypto'
import type { Notice } from '@shared/ipc'
import { AppError } from '@shared/result'
import type { AppStore } from '../../storage/app-store'
import type { AtRestKeySource } from '../../storage/at-rest-key'
import type { Connector } from '../connectors/connector'
import { sendOrFind, storageFailureOutcome, type AttemptClock } from './outbox-attempt'
import {
  idOf,
  newOutboxEntry,
  outboxRequestSchema,
  readSavedEntries,
  type OutboxEntry,
  type OutboxRequest,
} from './outbox-entry'
import { CONNECTION_REMOVED, refusal } from './outbox-messages'
import { waitsForItsNote } from './outbox-order'
import { openedEntry, sealedEntry } from './outbox-sealing'

/** Runs `run` once after `delayMs`; returns a function that cancels it. */
export type Schedule = (run: () => void, delayMs: number) => () => void

export type OutboxListener = (entry: OutboxEntry) => void

export interface OutboxOptions {
  store: AppStore
  /** The install's key: note and reply bodies are kept sealed with it in app.json. */
  key: AtRestKeySource
  /** The connector for a saved help-desk connection; undefined once it was removed. */
  connectorFor: (connectionId: string) => Connector | undefined
  /** @default () => new Date() */
  now?: () => Date
  /** @default an unref'd setTimeout, so a pending retry never keeps the process alive */
  schedule?: Schedule
  /** A number in [0, 1) for backoff jitter. @default Math.random */
  random?: () => number
}

/** setTimeout's limit; a later wake-up is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1

const unrefTimeout: Schedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs)
  timer.unref()
  return () => clearTimeout(timer)
}

function copy(entry: OutboxEntry): OutboxEntry {
  return structuredClone(entry)
}

export class Outbox {
  /** Problems found when starting (damaged entries), for the user. */
  readonly notices: Notice[] = []
  /** Valid entries by id, in the order they were queued. */
  private readonly entries = new Map<string, OutboxEntry>()
  private readonly listeners = new Set<OutboxListener>()
  /** One send at a time per connection, so a rate-limited help desk is not hit in parallel. */
  private readonly busyConnections = new Set<string>()
  private readonly running = new Set<Promise<void>>()
  /** Entries whose change is being saved: not started until it is. */
  private readonly held = new Set<string>()
  private wake: { at: number; cancel: () => void } | undefined
  private started = false
  private stopped = false
  private readonly store: AppStore
  private readonly key: AtRestKeySource
  private readonly connectorFor: OutboxOptions['connectorFor']
  private readonly clock: AttemptClock
  private readonly schedule: Schedule

  constructor(options: OutboxOptions) {
    this.store = options.store
    this.key = options.key
    this.connectorFor = options.connectorFor
    this.clock = {
      now: options.now ?? ((): Date => new Date()),
      random: options.random ?? Math.random,
    }
    this.schedule = options.schedule ?? unrefTimeout
  }

  /**
   * Reads the saved entries and resumes them. A damaged entry is skipped (and left as it is in
   * app.json) with a notice; an entry found `sending` may have landed, so it is looked for first.
   */
  async start(): Promise<void> {
    if (this.started) return
    this.started = true
    const saved = readSavedEntries(this.store.data.outbox, (raw) => openedEntry(raw, this.key))
    this.notices.push(...saved.notices)
    const interrupted: OutboxEntry[] = []
    for (const entry of saved.entries) {
      this.entries.set(entry.id, entry)
      if (entry.state === 'sending' || entry.idempotency.inFlight) interrupted.push(entry)
    }
    for (const entry of interrupted) {
      this.change(entry, {
        state: 'queued',
        idempotency: { ...entry.idempotency, inFlight: false, mayHaveLanded: true },
      })
    }
    if (interrupted.length > 0) {
      // If this is not saved, the next start finds them sending again and looks again: harmless.
      await this.persist(...interrupted).catch((error: unknown) => {
        console.error('outbox entries not saved', error)
      })
    }
    this.pump()
  }

  /** Stops retrying and waits for a send under way; entries stay saved for the next start. */
  async stop(): Promise<void> {
    this.stopped = true
    this.wake?.cancel()
    this.wake = undefined
    await this.whenIdle()
  }

  /** Resolves once no send is under way. */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running])
  }

  /**
   * Saves an export to app.json, then starts sending it. Queuing the same part of the same
   * export again returns the entry already queued, so a double click never posts twice.
   */
  async enqueue(request: OutboxRequest): Promise<OutboxEntry> {
    const [entry] = await this.enqueueAll([request])
    if (!entry) throw new AppError('internal', 'The export could not be queued.')
    return entry
  }

  /**
   * Queues several parts of one export all or nothing: they are saved in one write, and none
   * is sent before all are saved, so a note never leaves without the reply queued with it.
   */
  async enqueueAll(requests: readonly OutboxRequest[]): Promise<OutboxEntry[]> {
    if (!this.started) {
      throw new AppError('internal', 'The export outbox is not ready yet. Try again in a moment.')
    }
    const wanted = requests.map((request) => {
      const parsed = outboxRequestSchema.safeParse(request)
      if (!parsed.success) {
        throw new AppError('invalid-input', parsed.error.issues[0]?.message ?? 'Invalid export.')
      }
      return parsed.data
    })
    const result: OutboxEntry[] = []
    const added: OutboxEntry[] = []
    for (const part of wanted) {
      const existing = [...this.entries.values()].find(
        (entry) =>
          entry.roomId === part.roomId &&
          entry.exportId === part.exportId &&
          entry.part === part.part &&
          entry.state !== 'cancelled',
      )
      if (existing) {
        result.push(existing)
        continue
      }
      const entry = newOutboxEntry(part, randomUUID(), this.clock.now())
      this.entries.set(entry.id, entry)
      this.held.add(entry.id)
      added.push(entry)
      result.push(entry)
    }
    try {
      if (added.length > 0) await this.persist(...added)
    } catch (error) {
      // Not saved means not sent; take them out of memory too, so a later write cannot save them.
      const ids = new Set(added.map((entry) => entry.id))
      for (const id of ids) this.entries.delete(id)
      this.store.updateSoon((data) => {
        data.outbox = data.outbox.filter((raw) => {
          const id = idOf(raw)
          return typeof id !== 'string' || !ids.has(id)
        })
      })
      throw error
    } finally {
      for (const entry of added) this.held.delete(entry.id)
    }
    for (const entry of added) this.emit(entry)
    if (added.length > 0) this.pump()
    return result.map(copy)
  }

  list(roomId?: string): OutboxEntry[] {
    const entries = [...this.entries.values()]
    return entries.filter((entry) => roomId === undefined || entry.roomId === roomId).map(copy)
  }

  get(id: string): OutboxEntry | undefined {
    const entry = this.entries.get(id)
    return entry && copy(entry)
  }

  /** Calls `listener` with a copy of an entry after each change; returns an unsubscribe. */
  onChange(listener: OutboxListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Sends again, now, an entry that failed or waits out a backoff, once the user fixed things.
   * A help desk's own rate limit is still honoured. A cancelled entry stays cancelled.
   */
  async retry(id: string): Promise<OutboxEntry> {
    const entry = this.require(id)
    if (entry.state === 'queued') return copy(entry)
    if (entry.state === 'sent' || entry.state === 'sending' || entry.state === 'cancelled') {
      throw refusal(entry, 'retried')
    }
    const now = this.clock.now()
    const rateLimitedUntil =
      entry.lastError?.kind === 'rate-limited' && entry.nextAttemptAt
        ? Date.parse(entry.nextAttemptAt)
        : 0
    const nextAttemptAt = rateLimitedUntil > now.getTime() ? entry.nextAttemptAt : null
    await this.userChange(entry, { state: 'queued', failuresInARow: 0, nextAttemptAt })
    return copy(entry)
  }

  /** Withdraws an entry that is not on the ticket yet and not being sent right now. */
  async cancel(id: string): Promise<OutboxEntry> {
    const entry = this.require(id)
    if (entry.state === 'cancelled') return copy(entry)
    if (entry.state === 'sent' || entry.state === 'sending') throw refusal(entry, 'cancelled')
    await this.userChange(entry, { state: 'cancelled', nextAttemptAt: null })
    return copy(entry)
  }

  private require(id: string): OutboxEntry {
    const entry = this.entries.get(id)
    if (!entry) {
      throw new AppError('not-found', 'That export is no longer in the outbox. Refresh the case.')
    }
    return entry
  }

  /** Starts every entry that is due (one per connection) and sets a timer for the next one. */
  private pump(): void {
    if (this.stopped || !this.started) return
    const now = this.clock.now().getTime()
    let earliest: number | undefined
    for (const entry of this.entries.values()) {
      if (entry.state !== 'queued' && entry.state !== 'waiting') continue
      if (this.held.has(entry.id) || waitsForItsNote(entry, this.entries.values())) continue
      const due = entry.nextAttemptAt ? Date.parse(entry.nextAttemptAt) : now
      if (due > now) earliest = Math.min(earliest ?? due, due)
      else if (!this.busyConnections.has(entry.connectionId)) this.begin(entry)
    }
    this.wakeAt(earliest, now)
  }

  private wakeAt(at: number | undefined, now: number): void {
    if (this.wake?.at === at) return
    this.wake?.cancel()
    this.wake = undefined
    if (at === undefined) return
    const cancel = this.schedule(
      () => {
        this.wake = undefined
        this.pump()
      },
      Math.min(at - now, MAX_TIMER_MS),
    )
    this.wake = { at, cancel }
  }

  private begin(entry: OutboxEntry): void {
    this.busyConnections.add(entry.connectionId)
    const run: Promise<void> = this.attempt(entry)
      .catch((error: unknown) => console.error('outbox attempt failed', error))
      .finally(() => {
        this.busyConnections.delete(entry.connectionId)
        this.running.delete(run)
        this.pump()
      })
    this.running.add(run)
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    const connector = this.connectorFor(entry.connectionId)
    if (!connector) {
      this.change(entry, {
        state: 'failed',
        nextAttemptAt: null,
        lastError: { kind: 'connection-removed', message: CONNECTION_REMOVED },
      })
      await this.persistAndEmit(entry)
      return
    }
    const startedAt = this.clock.now().toISOString()
    this.change(entry, {
      state: 'sending',
      attempts: entry.attempts + 1,
      nextAttemptAt: null,
      idempotency: {
        ...entry.idempotency,
        firstAttemptAt: entry.idempotency.firstAttemptAt ?? startedAt,
        attemptStartedAt: startedAt,
        inFlight: true,
      },
    })
    try {
      await this.persist(entry)
    } catch (error) {
      // Unsaved, a restart could not know this attempt happened: send nothing until it is.
      this.change(entry, storageFailureOutcome(error, entry, this.clock))
      await this.persistAndEmit(entry)
      return
    }
    this.emit(entry)
    this.change(entry, await sendOrFind(entry, connector, this.clock))
    await this.persistAndEmit(entry)
  }

  /** Saves an attempt's outcome; if the disk refuses, memory still knows and the next write saves it. */
  private async persistAndEmit(entry: OutboxEntry): Promise<void> {
    try {
      await this.persist(entry)
    } catch (error) {
      console.error('outbox entry not saved', error)
    }
    this.emit(entry)
  }

  /** A change the user asked for: it counts once saved, and the entry waits until then. */
  private async userChange(entry: OutboxEntry, patch: Partial<OutboxEntry>): Promise<void> {
    const changed = { ...copy(entry), ...patch, updatedAt: this.clock.now().toISOString() }
    this.held.add(entry.id)
    try {
      await this.persist(changed)
      Object.assign(entry, changed)
    } finally {
      this.held.delete(entry.id)
      this.pump()
    }
    this.emit(entry)
  }

  private change(entry: OutboxEntry, patch: Partial<OutboxEntry>): void {
    Object.assign(entry, patch, { updatedAt: this.clock.now().toISOString() })
  }

  private async persist(...entries: OutboxEntry[]): Promise<void> {
    const saved = entries.map((entry) => ({ id: entry.id, raw: sealedEntry(entry, this.key) }))
    await this.store.update((data) => {
      for (const entry of saved) {
        const index = data.outbox.findIndex((raw) => idOf(raw) === entry.id)
        if (index === -1) data.outbox.push(entry.raw)
        else data.outbox[index] = entry.raw
      }
    })
  }

  private emit(entry: OutboxEntry): void {
    for (const listener of this.listeners) {
      try {
        listener(copy(entry))
      } catch (error) {
        console.error('outbox listener failed', error)
      }
    }
  }
}
