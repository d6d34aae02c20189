/** The `actions` array: what the swarm tried, found and decided, one Y.Map per entry. */
import * as Y from 'yjs'
import { z } from 'zod'
import { ACTION_KINDS, TOP_LEVEL, type ActionEntry } from './schema'

export const actionInputSchema = z.object({
  kind: z.enum(ACTION_KINDS),
  text: z.string().trim().min(1, 'Say what happened.').max(20_000),
  outcome: z.string().trim().max(20_000),
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
})

export function actionsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(TOP_LEVEL.actions)
}

/** Entries in the order they were added; anything a peer wrote that is not an entry is skipped. */
export function listActions(doc: Y.Doc): ActionEntry[] {
  const entries: ActionEntry[] = []
  for (const item of actionsArray(doc).toArray()) {
    if (!(item instanceof Y.Map)) continue
    const parsed = entrySchema.safeParse(item.toJSON())
    if (parsed.success) entries.push(stripUndefined(parsed.data))
  }
  return entries
}

export function addAction(
  doc: Y.Doc,
  author: string,
  input: ActionInput,
  now: Date = new Date(),
): string {
  const { kind, text, outcome } = actionInputSchema.parse(input)
  const id = globalThis.crypto.randomUUID()
  const entry = new Y.Map<unknown>()
  const values: Record<string, string> = {
    id,
    time: now.toISOString(),
    author,
    kind,
    text,
    outcome,
  }
  for (const [key, value] of Object.entries(values)) entry.set(key, value)
  actionsArray(doc).push([entry])
  return id
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

function findOwnEntry(
  doc: Y.Doc,
  id: string,
  author: string,
): { entry: Y.Map<unknown>; index: number } {
  const items = actionsArray(doc).toArray()
  const index = items.findIndex((item) => item instanceof Y.Map && item.get('id') === id)
  const entry = items[index]
  if (!entry) throw new Error('That timeline entry no longer exists.')
  if (entry.get('author') !== author) {
    throw new Error('Only the author of a timeline entry can change it.')
  }
  return { entry, index }
}

function stripUndefined(entry: z.infer<typeof entrySchema>): ActionEntry {
  const { editedAt, ...rest } = entry
  return editedAt === undefined ? rest : { ...rest, editedAt }
}
