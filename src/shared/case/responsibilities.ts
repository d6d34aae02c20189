/**
 * Who does what in the swarm: updates the customer, approves exceptions, decides that the case
 * becomes an engineering issue, and closes the loop. Unassigned duties rest with the owner.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { readMember } from './members'
import { ownerIdOf, requireOwner } from './permissions'
import { RESPONSIBILITIES, TOP_LEVEL, type Responsibilities } from './schema'

const storedSchema = z.record(z.string(), z.unknown()).catch({})

function stored(doc: Y.Doc): Record<string, unknown> {
  return storedSchema.safeParse(doc.getMap(TOP_LEVEL.meta).get('responsibilities')).data ?? {}
}

/** Each duty's member id: the one assigned, or the owner when nobody (or a stranger) is. */
export function readResponsibilities(doc: Y.Doc): Responsibilities {
  const values = stored(doc)
  const owner = ownerIdOf(doc)
  const pick = (key: string): string => {
    const value = values[key]
    return typeof value === 'string' && value !== '' && readMember(doc, value) ? value : owner
  }
  return {
    customerUpdates: pick('customerUpdates'),
    exceptions: pick('exceptions'),
    engineering: pick('engineering'),
    closeLoop: pick('closeLoop'),
  }
}

/** The owner assigns duties; `""` gives a duty back to the owner. */
export function setResponsibilities(
  doc: Y.Doc,
  actor: string,
  patch: Partial<Responsibilities>,
): void {
  requireOwner(doc, actor, 'assign responsibilities')
  const next: Record<string, string> = {}
  const values = stored(doc)
  for (const key of RESPONSIBILITIES) {
    const current = values[key]
    const value = patch[key] ?? (typeof current === 'string' ? current : '')
    if (value !== '' && !readMember(doc, value)) {
      throw new Error('Responsibilities can only go to members of the case.')
    }
    next[key] = value
  }
  doc.getMap(TOP_LEVEL.meta).set('responsibilities', next)
}

/** Hands a departing owner's explicit duties back to whoever owns the case next. */
export function clearResponsibilitiesOf(doc: Y.Doc, memberId: string): void {
  const values = stored(doc)
  if (!RESPONSIBILITIES.some((key) => values[key] === memberId)) return
  const next = Object.fromEntries(
    RESPONSIBILITIES.map((key) => {
      const value = values[key]
      return [key, typeof value === 'string' && value !== memberId ? value : '']
    }),
  )
  doc.getMap(TOP_LEVEL.meta).set('responsibilities', next)
}
