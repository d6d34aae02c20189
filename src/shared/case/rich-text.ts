/**
 * Reading and writing section fragments in the shape TipTap's Collaboration extension uses
 * (y-prosemirror): each block is a Y.XmlElement named after its ProseMirror node, text lives in
 * Y.XmlText, and a mark is a text attribute named after the mark whose value is its attrs.
 */
import * as Y from 'yjs'
import { isMentionNode, mentionText } from './mention-node'
import { TOO_DEEP_TEXT, isNestedTooDeeply } from './nesting'

export type MarkName = 'bold' | 'italic' | 'strike' | 'code' | 'underline'

/** Appends one paragraph per string; `marks` apply to all of their text. */
export function appendParagraphs(
  fragment: Y.XmlFragment,
  paragraphs: readonly string[],
  marks: readonly MarkName[] = [],
): void {
  const attributes = Object.fromEntries(marks.map((mark) => [mark, {}]))
  const blocks = paragraphs.map((text) => {
    const paragraph = new Y.XmlElement('paragraph')
    const content = new Y.XmlText()
    paragraph.insert(0, [content])
    if (text.length > 0) content.insert(0, text, attributes)
    return paragraph
  })
  fragment.insert(fragment.length, blocks)
}

/** True when the section holds no text at all (an empty paragraph counts as empty). */
export function isFragmentEmpty(fragment: Y.XmlFragment): boolean {
  return fragmentToPlainText(fragment).trim().length === 0
}

/** The section's text with one line per block, for search, previews and tests. */
export function fragmentToPlainText(fragment: Y.XmlFragment | Y.XmlElement): string {
  if (isNestedTooDeeply(fragment)) return TOO_DEEP_TEXT
  const lines: string[] = []
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) lines.push(textOf(child))
    else if (child instanceof Y.XmlElement) lines.push(blockText(child))
  }
  return lines.join('\n')
}

/** One block's text: a paragraph's, with its mentions as `@Name`. */
export function blockText(element: Y.XmlElement): string {
  const parts = element.toArray().map((child) => {
    if (child instanceof Y.XmlText) return textOf(child)
    if (child instanceof Y.XmlElement) {
      if (isMentionNode(child)) return mentionText(child)
      return child.nodeName === 'hardBreak' ? '\n' : fragmentToPlainText(child)
    }
    return ''
  })
  const hasBlockChildren = element
    .toArray()
    .some(
      (child) =>
        child instanceof Y.XmlElement && child.nodeName !== 'hardBreak' && !isMentionNode(child),
    )
  return parts.join(hasBlockChildren ? '\n' : '')
}

/** The characters of one text node, without its formatting. */
export function textOf(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')
}

/** Every text node under the fragment, in document order. */
export function textNodes(parent: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  if (isNestedTooDeeply(parent)) return []
  return parent.toArray().flatMap((child) => {
    if (child instanceof Y.XmlText) return [child]
    return child instanceof Y.XmlElement ? textNodes(child) : []
  })
}
