/**
 * Writes ProseMirror-shaped content into a fragment the way y-prosemirror stores it: blocks as
 * XmlElements, runs of text in one XmlText with marks as attributes.
 */
import * as Y from 'yjs'

export type RichNode =
  | { type: string; attrs?: Record<string, string | number>; content?: RichNode[] }
  | { text: string; marks?: Record<string, object> }

/** A block node: `node('heading', { level: 2 }, 'Title')`. */
export function node(
  type: string,
  attrs: Record<string, string | number>,
  ...content: (string | RichNode)[]
): RichNode {
  return {
    type,
    attrs,
    content: content.map((item) => (typeof item === 'string' ? { text: item } : item)),
  }
}

export function p(...content: (string | RichNode)[]): RichNode {
  return node('paragraph', {}, ...content)
}

/** Marked text: `marked('urgent', { bold: {} })`. */
export function marked(text: string, marks: Record<string, object>): RichNode {
  return { text, marks }
}

export function fill(fragment: Y.XmlFragment, nodes: readonly RichNode[]): void {
  const doc = fragment.doc
  if (!doc) throw new Error('The fragment must belong to a document.')
  doc.transact(() => {
    fragment.delete(0, fragment.length)
    fragment.insert(0, toYjs(nodes))
  })
}

function toYjs(nodes: readonly RichNode[]): (Y.XmlElement | Y.XmlText)[] {
  const result: (Y.XmlElement | Y.XmlText)[] = []
  let text: Y.XmlText | null = null
  let length = 0
  for (const item of nodes) {
    if ('text' in item) {
      if (!text) {
        text = new Y.XmlText()
        length = 0
        result.push(text)
      }
      // Yjs keeps these inserts until the text is part of the document.
      text.insert(length, item.text, item.marks ?? {})
      length += item.text.length
      continue
    }
    text = null
    const element = new Y.XmlElement(item.type)
    for (const [key, value] of Object.entries(item.attrs ?? {})) {
      element.setAttribute(key, value as string)
    }
    element.insert(0, toYjs(item.content ?? []))
    result.push(element)
  }
  return result
}
