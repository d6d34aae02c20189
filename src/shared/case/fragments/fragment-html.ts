/**
 * A section as HTML for a help desk's rich-text comment. Every text and attribute is escaped,
 * only the elements below are written, and only http(s) and mailto links become `<a>`.
 */
import * as Y from 'yjs'
import { TOO_DEEP_TEXT, isNestedTooDeeply } from '../nesting'
import {
  blocksOf,
  codeLanguage,
  codeText,
  headingLevel,
  inlinePieces,
  listStart,
  type InlineMarks,
  type InlinePiece,
} from './fragment-nodes'

export function fragmentToHtml(fragment: Y.XmlFragment | Y.XmlElement): string {
  return blocksOf(fragment).map(blockToHtml).join('')
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

function blockToHtml(block: Y.XmlElement | Y.XmlText): string {
  if (isNestedTooDeeply(block)) return `<p>${escapeHtml(TOO_DEEP_TEXT)}</p>`
  if (block instanceof Y.XmlText) return wrapIfAny('p', inline(inlinePieces(block)))
  switch (block.nodeName) {
    case 'paragraph':
      return wrapIfAny('p', inline(inlinePieces(block)))
    case 'heading':
      return wrapIfAny(`h${headingLevel(block)}`, inline(inlinePieces(block)))
    case 'bulletList':
      return `<ul>${listItems(block)}</ul>`
    case 'orderedList': {
      const start = listStart(block)
      return `${start === 1 ? '<ol>' : `<ol start="${start}">`}${listItems(block)}</ol>`
    }
    case 'blockquote':
      return `<blockquote>${blocksOf(block).map(blockToHtml).join('')}</blockquote>`
    case 'codeBlock': {
      const language = codeLanguage(block)
      const open = language === '' ? '<code>' : `<code class="language-${escapeHtml(language)}">`
      return `<pre>${open}${escapeHtml(codeText(block))}</code></pre>`
    }
    case 'horizontalRule':
      return '<hr>'
    default: {
      const children = blocksOf(block).map(blockToHtml).join('')
      return children || wrapIfAny('p', inline(inlinePieces(block)))
    }
  }
}

function listItems(list: Y.XmlElement): string {
  return blocksOf(list)
    .map((item) => {
      const content = item instanceof Y.XmlElement ? blocksOf(item).map(blockToHtml) : []
      return `<li>${content.join('')}</li>`
    })
    .join('')
}

function wrapIfAny(tag: string, content: string): string {
  return content.trim() === '' ? '' : `<${tag}>${content}</${tag}>`
}

function inline(pieces: readonly InlinePiece[]): string {
  return pieces
    .map((piece) => (piece.kind === 'break' ? '<br>' : markText(piece.text, piece.marks)))
    .join('')
}

function markText(text: string, marks: InlineMarks): string {
  let result = escapeHtml(text)
  if (marks.code) result = `<code>${result}</code>`
  if (marks.strike) result = `<s>${result}</s>`
  if (marks.underline) result = `<u>${result}</u>`
  if (marks.italic) result = `<em>${result}</em>`
  if (marks.bold) result = `<strong>${result}</strong>`
  if (marks.href) {
    result = `<a href="${escapeHtml(marks.href)}" rel="noopener noreferrer">${result}</a>`
  }
  return result
}
