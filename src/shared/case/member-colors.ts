/**
 * Members' colours: one per member of a case, no two alike while the palette lasts, the same
 * on every teammate's screen, live and in review mode. A member's colour is chosen from what
 * is free in the case when they first join and kept in their `members` entry. White text on
 * every palette colour passes WCAG AA (4.5:1); none is the red of errors or the green of "saved".
 * The renderer's strict CSP allows no inline style attributes, so carets, avatars and
 * authorship marks are coloured through one class per palette colour.
 */
import type { CaseMember } from './schema'

export const MEMBER_COLORS = [
  '#1d4ed8',
  '#be185d',
  '#15803d',
  '#a16207',
  '#6d28d9',
  '#c2410c',
  '#0e7490',
  '#4d7c0f',
  '#a21caf',
  '#4338ca',
] as const

/** Neutral grey for someone without a colour of their own in the case. */
export const UNKNOWN_MEMBER_COLOR = '#6b7280'

/**
 * The palette of earlier versions, slot for slot: cases written then keep each member's hue
 * (its red became orange, as red reads like an error).
 */
const EARLIER_COLORS = [
  '#2563eb',
  '#db2777',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#dc2626',
  '#0891b2',
  '#4d7c0f',
]

/** The palette slot of a colour, earlier versions' colours included; -1 for anything else. */
export function colorSlot(color: string | undefined): number {
  const value = color?.toLowerCase() ?? ''
  const slot = (MEMBER_COLORS as readonly string[]).indexOf(value)
  return slot >= 0 ? slot : EARLIER_COLORS.indexOf(value)
}

/** `member-color-3` for a palette colour, `member-color-unknown` for anything else. */
export function memberColorClass(color: string | undefined): string {
  return slotClass(colorSlot(color))
}

/** `member-color-3` for slot 3, `member-color-unknown` for no slot. */
export function slotClass(slot: number | undefined): string {
  return slot === undefined || slot < 0 ? 'member-color-unknown' : `member-color-${slot}`
}

/** A colour for a new install: its first choice in cases, when it is free there. */
export function randomMemberColor(): string {
  const index = globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0
  return MEMBER_COLORS[index % MEMBER_COLORS.length] ?? MEMBER_COLORS[0]
}

/**
 * The palette slot each member shows in, the same on every screen. Two members can hold the
 * same colour when they joined at the same moment without seeing each other; then the one who
 * has held it longer (`colorSince`, entries without one first, as they predate it) keeps it,
 * ties going to the smaller member id, and the other shows in the first colour nobody holds
 * (their own app then writes it into their entry, `settleOwnColor`). Members beyond the
 * palette's size get no slot and show grey.
 */
export function memberColorSlots(members: ReadonlyMap<string, CaseMember>): Map<string, number> {
  const slots = new Map<string, number>()
  const taken = new Set<number>()
  const ordered = [...members.entries()].sort(([idA, a], [idB, b]) => {
    const since = (a.colorSince ?? '').localeCompare(b.colorSince ?? '')
    return since !== 0 ? since : idA < idB ? -1 : idA > idB ? 1 : 0
  })
  const without: string[] = []
  for (const [id, member] of ordered) {
    const wanted = colorSlot(member.color)
    if (wanted >= 0 && !taken.has(wanted)) {
      slots.set(id, wanted)
      taken.add(wanted)
    } else without.push(id)
  }
  for (const id of without) {
    const free = firstFreeSlot(taken)
    if (free === undefined) break
    slots.set(id, free)
    taken.add(free)
  }
  return slots
}

/**
 * The colour a member joining the case gets: their own first choice when nobody in the case
 * shows in it, otherwise the first free palette colour; grey once the palette is used up.
 */
export function chooseMemberColor(
  members: ReadonlyMap<string, CaseMember>,
  preferred: string | undefined,
): string {
  const taken = new Set(memberColorSlots(members).values())
  const wanted = colorSlot(preferred)
  const slot = wanted >= 0 && !taken.has(wanted) ? wanted : firstFreeSlot(taken)
  return slot === undefined ? UNKNOWN_MEMBER_COLOR : (MEMBER_COLORS[slot] ?? UNKNOWN_MEMBER_COLOR)
}

/** The colour a member shows in: their palette slot's, grey without one. */
export function shownColor(slots: ReadonlyMap<string, number>, memberId: string): string {
  const slot = slots.get(memberId)
  return slot === undefined ? UNKNOWN_MEMBER_COLOR : (MEMBER_COLORS[slot] ?? UNKNOWN_MEMBER_COLOR)
}

function firstFreeSlot(taken: ReadonlySet<number>): number | undefined {
  const free = MEMBER_COLORS.findIndex((_, slot) => !taken.has(slot))
  return free < 0 ? undefined : free
}
