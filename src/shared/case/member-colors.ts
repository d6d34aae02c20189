/**
 * Members' colours: distinct, readable on white and dark text alike; a member keeps theirs
 * for good. The renderer's strict CSP allows no inline style attributes, so editor carets,
 * selections and authorship marks are coloured through one class per palette colour.
 */
import type { CaseMember } from './schema'

export const MEMBER_COLORS = [
  '#2563eb',
  '#db2777',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#dc2626',
  '#0891b2',
  '#4d7c0f',
] as const

/** `member-color-3` for a palette colour, `member-color-unknown` for anything else. */
export function memberColorClass(color: string | undefined): string {
  const index = MEMBER_COLORS.findIndex((value) => value === color?.toLowerCase())
  return index === -1 ? 'member-color-unknown' : `member-color-${index}`
}

export function randomMemberColor(): string {
  const index = globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0
  return MEMBER_COLORS[index % MEMBER_COLORS.length] ?? MEMBER_COLORS[0]
}

/**
 * A palette slot per member, for review's authorship colours, where two members must never
 * look alike: their own colour's slot when it is in the palette and not taken by a member
 * listed earlier (by id, so every teammate's screen agrees), otherwise the first free slot.
 * Members beyond the palette's size get none (shown neutral).
 */
export function authorColorSlots(members: ReadonlyMap<string, CaseMember>): Map<string, number> {
  const slots = new Map<string, number>()
  const taken = new Set<number>()
  const ids = [...members.keys()].sort()
  const wantsOther: string[] = []
  for (const id of ids) {
    const wanted = (MEMBER_COLORS as readonly string[]).indexOf(
      members.get(id)?.color.toLowerCase() ?? '',
    )
    if (wanted >= 0 && !taken.has(wanted)) {
      slots.set(id, wanted)
      taken.add(wanted)
    } else wantsOther.push(id)
  }
  for (const id of wantsOther) {
    const free = MEMBER_COLORS.findIndex((_, slot) => !taken.has(slot))
    if (free < 0) break
    slots.set(id, free)
    taken.add(free)
  }
  return slots
}
