/**
 * How deeply a case's XML may nest before readers stop descending. The editor never writes
 * more than a few levels; a peer holding the room key (or a damaged file) can write thousands,
 * which overflowed the stack of every recursive reader and blanked the window. The room also
 * refuses updates nested deeper than this (room/update-check.ts); these checks cover documents
 * that hold deep nesting already.
 */
import * as Y from 'yjs'

/** Levels below a root type that readers descend into. */
export const MAX_NESTING = 200

/** What a reader shows in place of content nested past MAX_NESTING. */
export const TOO_DEEP_TEXT = '[…more, nested too deeply to show]'

/** Any Yjs type: what finding its depth needs of it. */
interface Nested {
  readonly _item: Y.Item | null
}

/** True when `node` sits more than MAX_NESTING levels below its root type. */
export function isNestedTooDeeply(node: Nested): boolean {
  let depth = 0
  let current: Nested | null = node
  while (current) {
    depth += 1
    if (depth > MAX_NESTING) return true
    const parent: unknown = current._item?.parent
    current = parent instanceof Y.AbstractType ? (parent as Nested) : null
  }
  return false
}

/**
 * The depth of the deepest XML node under `root` (1 for its children), walked without
 * recursion and counted no further than `limit + 1`. Text embeds count as children.
 */
export function xmlDepth(root: Y.XmlFragment | Y.XmlElement, limit = MAX_NESTING): number {
  let deepest = 0
  const stack: [unknown, number][] = [[root, 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next
    deepest = Math.max(deepest, depth)
    if (deepest > limit) return deepest
    for (const child of xmlChildren(node)) stack.push([child, depth + 1])
  }
  return deepest
}

/** The child types of an XML node: elements and texts, and the types a text embeds. */
export function xmlChildren(node: unknown): unknown[] {
  if (node instanceof Y.XmlText) {
    const ops = node.toDelta() as { insert?: unknown }[]
    return ops.flatMap((op) => (op.insert instanceof Y.AbstractType ? [op.insert] : []))
  }
  if (node instanceof Y.XmlFragment) {
    return node.toArray().filter((child) => child instanceof Y.AbstractType)
  }
  return []
}

/**
 * The XML string Yjs writes for `root` (`toString()`), built without recursion; content past
 * MAX_NESTING, and texts embedding other types, are written as a marker comment.
 */
export function boundedXmlString(root: Y.XmlFragment): string {
  const parts: string[] = []
  const stack: (string | [unknown, number])[] = root
    .toArray()
    .reverse()
    .map((child) => [child, 1])
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next === 'string') {
      parts.push(next)
      continue
    }
    const [node, depth] = next
    if (depth > MAX_NESTING) parts.push('<!--nested too deeply-->')
    else if (node instanceof Y.XmlElement) {
      const attributes = node.getAttributes() as Record<string, unknown>
      const written = Object.keys(attributes)
        .sort()
        .map((key) => ` ${key}="${String(attributes[key])}"`)
      const name = node.nodeName.toLocaleLowerCase()
      parts.push(`<${name}${written.join('')}>`)
      stack.push(`</${name}>`)
      for (const child of node.toArray().reverse()) stack.push([child, depth + 1])
    } else if (node instanceof Y.XmlText) {
      parts.push(xmlChildren(node).length > 0 ? '<!--nested too deeply-->' : node.toString())
    } else parts.push(String(node))
  }
  return parts.join('')
}
