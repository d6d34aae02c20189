/**
 * The palette a member's colour comes from, and the slot in it each member's text is shown in
 * during review. Slots, not colours, reach the page: the CSP forbids inline styles in the
 * editors, so review mode colours text by class (`author--0` … `author--7`).
 */
import type { CaseMember } from './schema'

/** Distinct, readable on white and dark text alike; a member keeps theirs for good. */
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

/**
 * A palette slot per member: their own colour's when it is in the palette and not taken by a
 * member listed earlier (by id, so every teammate's screen agrees), otherwise the first free
 * slot. Members beyond the palette's size, or with no slot left, get none (shown neutral).
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
