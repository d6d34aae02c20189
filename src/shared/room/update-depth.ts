/**
 * How deeply a Yjs update nests types, read from its decoded structs without applying it. An
 * item names its parent type by the id of the item holding that type, or (when it sits next
 * to a sibling) only by its neighbours' ids, so an item is one level below its parent's item
 * and at the same level as its neighbours. Ids outside the update count as level 0. Each
 * struct is visited once, without recursion, so the work is bounded by the update's size.
 */
import * as Y from 'yjs'

type Struct = Y.Item | Y.GC | Y.Skip

/** The deepest level in the update, counted no further than the first level past `limit`. */
export function updateDepth(structs: readonly Struct[], limit: number): number {
  const byClient = new Map<number, Struct[]>()
  for (const struct of structs) {
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  const find = (id: Y.ID | null): Y.Item | undefined => {
    if (!id) return undefined
    const list = byClient.get(id.client)
    if (!list) return undefined
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const struct = list[middle]
      if (!struct) return undefined
      if (id.clock < struct.id.clock) high = middle - 1
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct instanceof Y.Item ? struct : undefined
    }
    return undefined
  }
  /** The item this one's level comes from, and how many levels it adds to it. */
  const basis = (item: Y.Item): [Y.Item | undefined, number] => {
    const parent: unknown = item.parent
    if (parent instanceof Y.ID) return [find(parent), 1]
    if (parent !== null) return [undefined, 1]
    return [find(item.origin) ?? find(item.rightOrigin), 0]
  }

  const levels = new Map<Y.Item, number>()
  const visiting = new Set<Y.Item>()
  let deepest = 0
  for (const start of structs) {
    if (!(start instanceof Y.Item) || levels.has(start)) continue
    const stack: Y.Item[] = [start]
    while (stack.length > 0) {
      const item = stack[stack.length - 1] as Y.Item
      const [from, added] = basis(item)
      // A neighbour or parent that leads back here (only a forged update does that) is level 0.
      if (from === undefined || levels.has(from) || visiting.has(from)) {
        const level = (from ? (levels.get(from) ?? 0) : 0) + added
        levels.set(item, level)
        visiting.delete(item)
        stack.pop()
        deepest = Math.max(deepest, level)
        if (deepest > limit) return deepest
      } else {
        visiting.add(item)
        stack.push(from)
      }
    }
  }
  return deepest
}
