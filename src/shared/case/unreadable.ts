/**
 * Anyone holding a room key can write anything into a case, so readers never trust a peer's
 * value: what they cannot read they skip (or show as a default) and report here, and the room
 * tells the user that something a teammate wrote is not shown instead of breaking.
 */
import { z } from 'zod'

/** The top-level name (see schema.ts, TOP_LEVEL) the unreadable value is in. */
export type UnreadablePart =
  | 'meta'
  | 'members'
  | 'actions'
  | 'updates'
  | 'approval'
  | 'suggestions'
  | 'exports'
  | 'reviewComments'
  | 'snapshots'

export interface Unreadable {
  part: UnreadablePart
  /** Where in the part: a map key or an array index, then the field, e.g. `3.text`. */
  key: string
}

/** Told about each value a reader skipped or replaced by its default. */
export type OnUnreadable = (unreadable: Unreadable) => void

/**
 * `value` read through `schema`; undefined, and reported, when it cannot be read at all. When
 * it can, each field a peer wrote that fell back to its default (`.catch`) is reported too.
 */
export function readValue<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  value: unknown,
  where: Unreadable,
  onUnreadable?: OnUnreadable,
): z.infer<z.ZodObject<Shape>> | undefined {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    onUnreadable?.(where)
    return undefined
  }
  if (onUnreadable && typeof value === 'object' && value !== null) {
    for (const [field, fieldSchema] of Object.entries(schema.shape)) {
      const written: unknown = Reflect.get(value, field)
      if (written === undefined || !(fieldSchema instanceof z.ZodCatch)) continue
      if (!z.safeParse(fieldSchema.unwrap(), written).success) {
        onUnreadable({ part: where.part, key: where.key === '' ? field : `${where.key}.${field}` })
      }
    }
  }
  return parsed.data
}
