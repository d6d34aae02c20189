/**
 * Members' colours: distinct, readable on white and dark text alike; a member keeps theirs
 * for good. The renderer's strict CSP allows no inline style attributes, so editor carets,
 * selections and authorship marks are coloured through one class per palette colour.
 */
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
