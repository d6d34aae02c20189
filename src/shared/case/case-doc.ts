/** Typed access to a case's Y.Doc: creation, the `meta` map and the section fragments. */
import type * as Y from 'yjs'
import { z } from 'zod'
import {
  CASE_SCHEMA_VERSION,
  CASE_STATUSES,
  PRIORITIES,
  SWARM_TYPES,
  TOP_LEVEL,
  ticketSchema,
  type CaseMeta,
  type NewCase,
  type SectionName,
} from './schema'
import { ensureMember, type MemberIdentity } from './members'
import { readValue, type OnUnreadable } from './unreadable'

/**
 * A peer may write anything into `meta`, so every field is read through a schema that falls
 * back to a harmless default instead of letting a malformed value reach the UI.
 */
const metaSchema = z.object({
  schemaVersion: z.number().int().catch(CASE_SCHEMA_VERSION),
  title: z.string().catch('Untitled case'),
  ticket: ticketSchema.catch({ system: 'other', id: '', url: '' }),
  customer: z.string().catch(''),
  priority: z.enum(PRIORITIES).catch('normal'),
  swarmType: z.enum(SWARM_TYPES).catch('other'),
  status: z.enum(CASE_STATUSES).catch('triage'),
  ownerId: z.string().catch(''),
  createdAt: z.string().catch(''),
  createdBy: z.string().catch(''),
})

export type EditableMeta = Partial<
  Pick<CaseMeta, 'title' | 'ticket' | 'customer' | 'priority' | 'status'>
>

/** The `meta` key that says the case holds no template prompt as text (prompt-migration.ts). */
export const PROMPTS_MIGRATED_KEY = 'promptsMigrated'

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TOP_LEVEL.meta)
}

export function section(doc: Y.Doc, name: SectionName): Y.XmlFragment {
  return doc.getXmlFragment(name)
}

/** True once a case has been written into this document (by us or by a peer). */
export function isCaseInitialized(doc: Y.Doc): boolean {
  return metaMap(doc).has('createdAt')
}

/**
 * Writes a new case: its meta and its creator as owner. The sections stay empty: the swarm
 * type's prompts are the editor's placeholders (templates.ts), never content.
 * Only for an empty document; a document that already holds a case is left as it is.
 */
export function initializeCase(
  doc: Y.Doc,
  input: NewCase,
  creator: MemberIdentity,
  now: Date = new Date(),
): void {
  if (isCaseInitialized(doc)) return
  doc.transact(() => {
    const meta = metaMap(doc)
    const values: CaseMeta = {
      schemaVersion: CASE_SCHEMA_VERSION,
      title: input.title,
      ticket: { ...input.ticket },
      customer: input.customer,
      priority: input.priority,
      swarmType: input.swarmType,
      status: 'triage',
      ownerId: creator.memberId,
      createdAt: now.toISOString(),
      createdBy: creator.memberId,
    }
    for (const [key, value] of Object.entries(values)) meta.set(key, value)
    // Its prompts are placeholders from the start: nothing for prompt-migration.ts to remove.
    meta.set(PROMPTS_MIGRATED_KEY, true)
    ensureMember(doc, creator, 'owner', now)
  })
}

/** The case header; a field a peer wrote in the wrong type reads as its default. */
export function readMeta(doc: Y.Doc, onUnreadable?: OnUnreadable): CaseMeta {
  const where = { part: 'meta', key: '' } as const
  return readValue(metaSchema, metaMap(doc).toJSON(), where, onUnreadable) ?? metaSchema.parse({})
}

export function updateMeta(doc: Y.Doc, patch: EditableMeta): void {
  const meta = metaMap(doc)
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) meta.set(key, value)
    }
  })
}
