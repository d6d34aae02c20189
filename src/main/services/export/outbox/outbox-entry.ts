/**
 * One export on its way to a help desk, as kept in app.json's `outbox`. The outbox validates
 * each entry on its own when it starts, so one damaged entry cannot stop the others.
 */
import { z } from 'zod'
import { roomIdSchema, type Notice } from '@shared/ipc'

/**
 * - `queued`: saved, not attempted yet (or re-queued by the user).
 * - `sending`: an attempt is under way; found after a restart, the attempt may have landed.
 * - `sent`: on the ticket; `commentId` and `sentAt` say where and when.
 * - `waiting`: a failure that passes on its own (rate limit, no answer); tried at `nextAttemptAt`.
 * - `failed`: needs the user (credentials, missing ticket, refused content); retried on request.
 * - `cancelled`: the user withdrew it before it was sent.
 */
export const OUTBOX_STATES = [
  'queued',
  'sending',
  'sent',
  'waiting',
  'failed',
  'cancelled',
] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]

/** The help desk's error kinds, and the outbox's own: removed connection, disk, anything else. */
export const OUTBOX_ERROR_KINDS = [
  'auth',
  'not-found',
  'rejected',
  'rate-limited',
  'unreachable',
  'timeout',
  'not-set-up',
  'connection-removed',
  'storage',
  'unexpected',
] as const
export type OutboxErrorKind = (typeof OUTBOX_ERROR_KINDS)[number]

const isoTime = z.iso.datetime()

const nonEmpty = (what: string): z.ZodString =>
  z.string().trim().min(1, `The export needs ${what}.`).max(200, `That ${what} is too long.`)

/** What the case asks to send: the caller's input to `enqueue`. */
export const outboxRequestSchema = z.object({
  roomId: roomIdSchema,
  /** One export of a case; its note and its reply share it. */
  exportId: nonEmpty('an export id'),
  connectionId: nonEmpty('a help-desk connection'),
  ticketId: nonEmpty('a ticket number'),
  /** A note or reply on the ticket, or a draft article in the help desk's knowledge base. */
  part: z.enum(['note', 'reply', 'article']),
  content: z.object({
    html: z.string(),
    text: z.string().refine((text) => text.trim() !== '', 'There is nothing to send: it is empty.'),
    /** An article's title, by which a retry finds a draft an earlier attempt left. */
    title: z.string().max(300).optional(),
  }),
  /** Who asked for it, for the case's timeline (articles; exports keep it in their record). */
  by: z.string().max(200).optional(),
})
export type OutboxRequest = z.infer<typeof outboxRequestSchema>

/**
 * What the outbox knows about earlier attempts, so that it never posts the same thing twice:
 * if an attempt may have landed, the next one first looks for it on the ticket.
 */
const idempotencySchema = z.object({
  /** When the first attempt started: a comment it left is at or after this time. */
  firstAttemptAt: isoTime.nullable(),
  /** When the latest attempt started. */
  attemptStartedAt: isoTime.nullable(),
  /** Saved as true before each request and false after its outcome is saved. */
  inFlight: z.boolean(),
  /** An earlier attempt may have reached the help desk: look for it before posting again. */
  mayHaveLanded: z.boolean(),
})

export const outboxEntrySchema = outboxRequestSchema.extend({
  id: z.string().min(1),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int().min(0),
  /** Failures since the last success or user retry: how long the backoff is. */
  failuresInARow: z.number().int().min(0),
  nextAttemptAt: isoTime.nullable(),
  lastError: z.object({ kind: z.enum(OUTBOX_ERROR_KINDS), message: z.string() }).nullable(),
  /** The help desk's id of the comment, note or reply that landed ('' if it gives none). */
  commentId: z.string().nullable(),
  /** Where an agent opens what was posted (an article's draft), when the help desk says. */
  link: z.string().nullable().optional(),
  sentAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  idempotency: idempotencySchema,
})
export type OutboxEntry = z.infer<typeof outboxEntrySchema>

/** A new entry for `request`, not attempted yet. */
export function newOutboxEntry(request: OutboxRequest, id: string, now: Date): OutboxEntry {
  const time = now.toISOString()
  return {
    ...request,
    id,
    state: 'queued',
    attempts: 0,
    failuresInARow: 0,
    nextAttemptAt: null,
    lastError: null,
    commentId: null,
    sentAt: null,
    createdAt: time,
    updatedAt: time,
    idempotency: {
      firstAttemptAt: null,
      attemptStartedAt: null,
      inFlight: false,
      mayHaveLanded: false,
    },
  }
}

/** An entry's id, read without trusting the entry. */
export function idOf(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : undefined
}

function ticketOf(raw: unknown): string {
  const ticketId = typeof raw === 'object' && raw !== null && 'ticketId' in raw && raw.ticketId
  return typeof ticketId === 'string' ? ` for ticket ${ticketId}` : ''
}

/**
 * The valid entries among those saved in app.json, in order, and a notice for each one that
 * is not (left as it is in the file: it may still matter to someone reading it).
 */
export function readSavedEntries(
  saved: readonly unknown[],
  open: (raw: unknown) => unknown = (raw) => raw,
): {
  entries: OutboxEntry[]
  notices: Notice[]
} {
  const entries: OutboxEntry[] = []
  const notices: Notice[] = []
  const seen = new Set<unknown>()
  saved.forEach((raw, position) => {
    let opened: unknown
    let unreadable: string | undefined
    try {
      opened = open(raw)
    } catch (error) {
      unreadable = error instanceof Error ? error.message : String(error)
    }
    const parsed = unreadable === undefined ? outboxEntrySchema.safeParse(opened) : undefined
    const id = idOf(raw)
    const twice = seen.has(id)
    seen.add(id)
    if (parsed?.success && !twice) {
      entries.push(parsed.data)
      return
    }
    const issue = parsed?.error?.issues[0]
    const problem =
      unreadable ??
      (typeof raw !== 'object' || raw === null
        ? 'it is not an export'
        : issue
          ? `${issue.path.join('.')}: ${issue.message}`
          : 'another export has the same id')
    notices.push({
      id: `outbox-damaged-${position}`,
      level: 'warning',
      message:
        `Export ${position + 1} in the outbox${ticketOf(raw)} could not be read (${problem}), ` +
        'so Swarmroom skipped it and kept it unchanged in app.json. Your other exports are not ' +
        'affected. If it never reached the ticket, export it again from the case.',
    })
    console.warn('outbox entry skipped', position, problem)
  })
  return { entries, notices }
}
