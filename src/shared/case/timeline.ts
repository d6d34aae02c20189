/**
 * The `actions` array: what the swarm tried, found and decided, one Y.Map per entry, and the
 * events the app logs about the case (hand-overs, approvals, status changes).
 */
import * as Y from 'yjs'
import { z } from 'zod'
import {
  ACTION_KINDS,
  EVENT_KINDS,
  PERSON_ACTION_KINDS,
  TOP_LEVEL,
  type ActionEntry,
  type ActionKind,
  type EventKind,
} from './schema'
import { takeSnapshot } from './snapshots'
import { readValue, type OnUnreadable } from './unreadable'

/** A member picked with @ in the entry's text, which holds them as `@name`. */
const entryMentionSchema = z.object({ memberId: z.string().min(1), name: z.string().min(1) })

export const actionInputSchema = z.object({
  kind: z.enum(PERSON_ACTION_KINDS),
  text: z.string().trim().min(1, 'Say what happened.').max(20_000),
  outcome: z.string().trim().max(20_000),
  mentions: z.array(entryMentionSchema).max(100).optional(),
})
export type ActionInput = z.infer<typeof actionInputSchema>

const entrySchema = z.object({
  id: z.string(),
  time: z.string().catch(''),
  author: z.string().catch(''),
  kind: z.enum(ACTION_KINDS).catch('note'),
  text: z.string().catch(''),
  outcome: z.string().catch(''),
  editedAt: z.string().optional().catch(undefined),
  mentions: z.array(entryMentionSchema).optional().catch(undefined),
  data: z.record(z.string(), z.unknown()).optional().catch(undefined),
})

export interface EventOptions {
  /** A deterministic id, for events several members could log at once; readers keep one. */
  id?: string
  now?: Date
}

export interface ActionFilter {
  kinds?: readonly ActionKind[]
  authors?: readonly string[]
}

export function actionsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(TOP_LEVEL.actions)
}

/**
 * Entries in the order they were added; anything a peer wrote that is not an entry is skipped,
 * and of several entries with one id (an event two members logged at once) the first is kept.
 */
export function listActions(doc: Y.Doc, onUnreadable?: OnUnreadable): ActionEntry[] {
  const entries: ActionEntry[] = []
  const seen = new Set<string>()
  actionsArray(doc).forEach((item: unknown, index) => {
    const where = { part: 'actions', key: String(index) } as const
    if (!(item instanceof Y.Map)) {
      onUnreadable?.(where)
      return
    }
    const entry = readValue(entrySchema, item.toJSON(), where, onUnreadable)
    if (!entry || seen.has(entry.id)) return
    seen.add(entry.id)
    entries.push(stripUndefined(entry))
  })
  return entries
}

export function filterActions(
  entries: readonly ActionEntry[],
  filter: ActionFilter,
): ActionEntry[] {
  return entries.filter(
    (entry) =>
      (filter.kinds === undefined || filter.kinds.includes(entry.kind)) &&
      (filter.authors === undefined || filter.authors.includes(entry.author)),
  )
}

export function addAction(
  doc: Y.Doc,
  author: string,
  input: ActionInput,
  now: Date = new Date(),
): string {
  const { kind, text, outcome, mentions } = actionInputSchema.parse(input)
  const id = globalThis.crypto.randomUUID()
  doc.transact(() => {
    const entry = pushEntry(doc, { id, time: now.toISOString(), author, kind, text, outcome })
    if (mentions !== undefined && mentions.length > 0) entry.set('mentions', mentions)
  })
  return id
}

/**
 * Logs what happened to the case as an app event, and keeps a snapshot of the case at that
 * moment, event included, for the review's history. An event whose id is already here is not
 * logged twice.
 */
export function logEvent(
  doc: Y.Doc,
  author: string,
  kind: EventKind,
  text: string,
  data: Record<string, unknown>,
  options: EventOptions = {},
): string {
  const id = options.id ?? globalThis.crypto.randomUUID()
  const now = options.now ?? new Date()
  const exists = actionsArray(doc)
    .toArray()
    .some((item) => item instanceof Y.Map && item.get('id') === id)
  if (exists) return id
  doc.transact(() => {
    pushEntry(doc, { id, time: now.toISOString(), author, kind, text, outcome: '' }, data)
    takeSnapshot(doc, author, text, now)
  })
  return id
}

export function isEvent(entry: Pick<ActionEntry, 'kind'>): boolean {
  return (EVENT_KINDS as readonly string[]).includes(entry.kind)
}

export function editAction(
  doc: Y.Doc,
  id: string,
  author: string,
  patch: Partial<ActionInput>,
  now: Date = new Date(),
): void {
  const { entry } = findOwnEntry(doc, id, author)
  const checked = actionInputSchema.partial().parse(patch)
  doc.transact(() => {
    for (const [key, value] of Object.entries(checked)) {
      if (value !== undefined) entry.set(key, value)
    }
    entry.set('editedAt', now.toISOString())
  })
}

export function deleteAction(doc: Y.Doc, id: string, author: string): void {
  const { index } = findOwnEntry(doc, id, author)
  actionsArray(doc).delete(index, 1)
}

function pushEntry(doc: Y.Doc, values: Record<string, string>, data?: object): Y.Map<unknown> {
  const entry = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(values)) entry.set(key, value)
  if (data !== undefined) entry.set('data', { ...data })
  actionsArray(doc).push([entry])
  return entry
}

function findOwnEntry(
  doc: Y.Doc,
  id: string,
  author: string,
): { entry: Y.Map<unknown>; index: number } {
  const items = actionsArray(doc).toArray()
  const index = items.findIndex((item) => item instanceof Y.Map && item.get('id') === id)
  const entry = items[index]
  if (!entry) throw new Error('That timeline entry no longer exists.')
  const kind = entrySchema.shape.kind.safeParse(entry.get('kind')).data ?? 'note'
  if (isEvent({ kind }) || entry.has('data')) {
    throw new Error('Events the app logged stay as they are: they cannot be edited or deleted.')
  }
  if (entry.get('author') !== author) {
    throw new Error('Only the author of a timeline entry can change it.')
  }
  return { entry, index }
}

function stripUndefined(entry: z.infer<typeof entrySchema>): ActionEntry {
  const { editedAt, data, mentions, ...rest } = entry
  return {
    ...rest,
    ...(editedAt === undefined ? {} : { editedAt }),
    ...(mentions === undefined ? {} : { mentions }),
    ...(data === undefined ? {} : { data }),
  }
}
