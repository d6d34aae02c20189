/**
 * A section as plain text, for help desks and e-mail clients without rich text: blank lines
 * between blocks, `-` and `1.` for lists, `>` for quotes, and links as "text (address)".
 */
import * as Y from 'yjs'
import { TOO_DEEP_TEXT, isNestedTooDeeply } from '../nesting'
import {
  blocksOf,
  codeText,
  indentLines,
  inlinePieces,
  listStart,
  quoteLines,
  type InlinePiece,
} from './fragment-nodes'

export function fragmentToText(fragment: Y.XmlFragment | Y.XmlElement): string {
  return joinBlocks(blocksOf(fragment))
}

function joinBlocks(blocks: readonly (Y.XmlElement | Y.XmlText)[]): string {
  return blocks
    .map(blockToText)
    .filter((text) => text.trim() !== '')
    .join('\n\n')
}

function blockToText(block: Y.XmlElement | Y.XmlText): string {
  if (isNestedTooDeeply(block)) return TOO_DEEP_TEXT
  if (block instanceof Y.XmlText) return inline(inlinePieces(block))
  switch (block.nodeName) {
    case 'bulletList':
      return listItems(block)
        .map((item) => indentLines('- ', item))
        .join('\n')
    case 'orderedList': {
      const start = listStart(block)
      return listItems(block)
        .map((item, index) => indentLines(`${start + index}. `, item))
        .join('\n')
    }
    case 'blockquote':
      return quoteLines(joinBlocks(blocksOf(block)))
    case 'codeBlock':
      return codeText(block)
    case 'horizontalRule':
      return '----'
    case 'paragraph':
    case 'heading':
      return inline(inlinePieces(block))
    default:
      return joinBlocks(blocksOf(block)) || inline(inlinePieces(block))
  }
}

function listItems(list: Y.XmlElement): string[] {
  return blocksOf(list).map((item) =>
    item instanceof Y.XmlElement ? joinBlocks(blocksOf(item)) : blockToText(item),
  )
}

/** A link split by formatting into several pieces is written once, after all its text. */
function inline(pieces: readonly InlinePiece[]): string {
  let result = ''
  let linkText = ''
  let linkHref: string | undefined
  const closeLink = (): void => {
    if (linkHref === undefined) return
    const bare = linkHref === linkText || linkHref === `${linkText}/`
    result += bare ? linkText : `${linkText} (${linkHref})`
    linkText = ''
    linkHref = undefined
  }
  for (const piece of pieces) {
    const href = piece.kind === 'text' ? piece.marks.href : undefined
    if (href !== linkHref) closeLink()
    if (piece.kind === 'break') result += '\n'
    else if (href === undefined) result += piece.text
    else {
      linkHref = href
      linkText += piece.text
    }
  }
  closeLink()
  return result
}
