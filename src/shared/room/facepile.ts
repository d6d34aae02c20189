/** The header's facepile: how many faces it draws, and who is folded into "+N". */
/** How many teammates' faces the header shows before the rest become "+N". */
export const FACES_SHOWN = 4

/**
 * The faces shown and the people folded into "+N": in order, the first `max`, or `max - 1`
 * and the overflow when more would not fit, so the pile never grows past `max` circles.
 */
export function splitFacepile<T>(
  people: readonly T[],
  max = FACES_SHOWN,
): { shown: T[]; folded: T[] } {
  if (people.length <= max) return { shown: [...people], folded: [] }
  const cut = Math.max(max - 1, 0)
  return { shown: people.slice(0, cut), folded: people.slice(cut) }
}
