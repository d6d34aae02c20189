/**
 * Trust on first use: what this computer saw first of a case, kept by main (app.json) and
 * never taken from the case again. A key that differs later is a changed key, not a new truth.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { metaMap } from '../case-doc'
import { membersMap } from '../members'

export const trustPinsSchema = z.object({
  /** The room id decisions are signed in (`meta.caseRoomId` as first seen). */
  caseRoom: z.string(),
  /** The member who created the case: the first owner. */
  creator: z.string(),
  /** Member id → public key (raw, base64url), as first seen. */
  keys: z.record(z.string(), z.string()),
  /** The last owner this computer verified, who may still move the case to a new key. */
  lastOwner: z.string().optional(),
})
export type TrustPins = z.infer<typeof trustPinsSchema>

/** What the case shows now, to pin where nothing is pinned yet. */
export function seenInCase(doc: Y.Doc, roomId: string): TrustPins {
  const caseRoom = metaMap(doc).get('caseRoomId')
  const creator = metaMap(doc).get('createdBy')
  return {
    caseRoom: typeof caseRoom === 'string' && caseRoom !== '' ? caseRoom : roomId,
    creator: typeof creator === 'string' ? creator : '',
    keys: publicKeysOf(doc),
  }
}

/** Keeps every pin already made and adds what is seen for the first time. */
export function mergePins(pinned: TrustPins | undefined, seen: TrustPins): TrustPins {
  if (!pinned) return { ...seen, keys: { ...seen.keys } }
  return {
    caseRoom: pinned.caseRoom !== '' ? pinned.caseRoom : seen.caseRoom,
    creator: pinned.creator !== '' ? pinned.creator : seen.creator,
    keys: { ...seen.keys, ...pinned.keys },
    ...(pinned.lastOwner !== undefined ? { lastOwner: pinned.lastOwner } : {}),
  }
}

/** Each member's public key as the `members` map holds it now. */
export function publicKeysOf(doc: Y.Doc): Record<string, string> {
  const keys: Record<string, string> = {}
  membersMap(doc).forEach((value, memberId) => {
    if (value === null || typeof value !== 'object') return
    const key = (value as Record<string, unknown>).publicKey
    if (typeof key === 'string' && key !== '') keys[memberId] = key
  })
  return keys
}
