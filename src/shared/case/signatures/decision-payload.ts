/**
 * The bytes a member signs for a decision: a canonical JSON array naming what kind of decision
 * it is, in which case, by whom, with which fields and when. Any client that builds the same
 * array verifies the same signature (docs/case-schema.md, Signed decisions).
 */

/** Decisions that carry their maker's signature. */
export const SIGNED_KINDS = [
  'approved',
  'ownership-offered',
  'ownership-accepted',
  'handoff',
  'escalation',
  'signed-off',
] as const
export type SignedKind = (typeof SIGNED_KINDS)[number]

export function isSignedKind(kind: string): kind is SignedKind {
  return (SIGNED_KINDS as readonly string[]).includes(kind)
}

export interface Decision {
  kind: SignedKind
  /** The case's room id (`meta.caseRoomId`, else the room it is read in). */
  caseRoom: string
  memberId: string
  fields: Record<string, unknown>
  /** ISO 8601 UTC time of the decision, as written into the case. */
  time: string
}

export const PAYLOAD_TAG = 'swarmroom-decision/1'

/** `["swarmroom-decision/1", kind, caseRoom, memberId, fields, time]` as canonical JSON. */
export function decisionPayload(decision: Decision): string {
  const { kind, caseRoom, memberId, fields, time } = decision
  return canonicalJson([PAYLOAD_TAG, kind, caseRoom, memberId, fields, time])
}

/** JSON with object keys sorted at every depth and no spaces; `undefined` keys left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The `signature` key of a signed decision's data, or nothing for an unsigned one. */
export function signed(signature: string | undefined): { signature?: string } {
  return signature === undefined ? {} : { signature }
}
