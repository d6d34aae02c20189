/**
 * `meta.causes`: what caused the case, as short tags ("proration bug", "expired SSO cert"),
 * so the leads' insights can count cases and time by cause and a recurring one stands out.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { metaMap } from './case-doc'
import { requireParticipant } from './permissions'

export const MAX_CAUSES = 12
export const MAX_CAUSE_LENGTH = 60

const causesSchema = z.array(z.string()).catch([])

/** The case's causes; a value a peer wrote in another shape reads as none. */
export function readCauses(doc: Y.Doc): string[] {
  return normalizeCauses(causesSchema.parse(metaMap(doc).get('causes')))
}

/**
 * Trimmed, one space between words, at most `MAX_CAUSE_LENGTH` characters, and each cause once
 * whatever its letter case (the first spelling is kept), so "Proration bug" and "proration bug"
 * count as one cause across cases.
 */
export function normalizeCauses(causes: readonly string[]): string[] {
  const kept = new Map<string, string>()
  for (const cause of causes) {
    const tidy = cause.replace(/\s+/g, ' ').trim().slice(0, MAX_CAUSE_LENGTH)
    const key = causeKey(tidy)
    if (tidy !== '' && !kept.has(key)) kept.set(key, tidy)
  }
  return [...kept.values()].slice(0, MAX_CAUSES)
}

/** The form two spellings of one cause share. */
export function causeKey(cause: string): string {
  return cause.toLocaleLowerCase('en')
}

/** Any member but an observer says what caused the case. */
export function setCauses(doc: Y.Doc, actor: string, causes: readonly string[]): void {
  requireParticipant(doc, actor, 'say what caused the case')
  metaMap(doc).set('causes', normalizeCauses(causes))
}
