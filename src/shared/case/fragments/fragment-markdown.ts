/**
 * A section as CommonMark. Text is escaped so that nothing a member typed becomes Markdown or
 * HTML; links survive only when they point to http(s) or mailto. Underline has no Markdown form and is
 * written as plain text.
 */
import * as Y from 'yjs'
import { TOO_DEEP_TEXT, isNestedTooDeeply } from '../nesting'
import {
  blocksOf,
  indentLines,
  quoteLines,
  codeLanguage,
  codeText,
  headingLevel,
  inlinePieces,
  listStart,
  type InlineMarks,
  type InlinePiece,
} from './fragment-nodes'

export function fragmentToMarkdown(fragment: Y.XmlFragment | Y.XmlElement): string {
  return joinBlocks(blocksOf(fragment))
}

/** Escapes characters Markdown would read as formatting or HTML, anywhere in a line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~]/g, '\\$&')
}

/** Escapes what would start a heading, quote, list or rule at the start of a line. */
export function escapeLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .trimStart()
        .replace(/^([#>+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n')
}

/** Plain text as a Markdown paragraph: escaped, with each line break kept. */
export function textToMarkdown(text: string): string {
  return escapeLineStarts(escapeMarkdown(text).replace(/\n/g, '\\\n'))
}

function joinBlocks(blocks: readonly (Y.XmlElement | Y.XmlText)[], inListItem = false): string {
  const parts: string[] = []
  blocks.forEach((block, index) => {
    const markdown = blockToMarkdown(block)
    if (markdown === '') return
    // In a list item, a list right after the paragraph stays tight when it can interrupt one.
    const next = blocks[index + 1]
    const tight = inListItem && next !== undefined && interruptsParagraph(next)
    parts.push(markdown, tight ? '\n' : '\n\n')
  })
  return parts.join('').trimEnd()
}

function blockToMarkdown(block: Y.XmlElement | Y.XmlText): string {
  if (isNestedTooDeeply(block)) return escapeMarkdown(TOO_DEEP_TEXT)
  if (block instanceof Y.XmlText) return escapeLineStarts(inline(inlinePieces(block)))
  switch (block.nodeName) {
    case 'paragraph':
      return escapeLineStarts(inline(inlinePieces(block)))
    case 'heading': {
      // A heading is one line: hard breaks and raw newlines alike become spaces.
      const text = inline(inlinePieces(block)).replace(/\\?\n/g, ' ')
      return text.trim() === '' ? '' : `${'#'.repeat(headingLevel(block))} ${text}`
    }
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
    case 'codeBlock': {
      const code = codeText(block)
      const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1))
      return `${fence}${codeLanguage(block)}\n${code}\n${fence}`
    }
    case 'horizontalRule':
      return '---'
    default:
      return joinBlocks(blocksOf(block)) || escapeLineStarts(inline(inlinePieces(block)))
  }
}

function listItems(list: Y.XmlElement): string[] {
  return blocksOf(list).map((item) =>
    item instanceof Y.XmlElement ? joinBlocks(blocksOf(item), true) : blockToMarkdown(item),
  )
}

/** CommonMark lets a bullet list, or an ordered list starting at 1, interrupt a paragraph. */
function interruptsParagraph(block: Y.XmlElement | Y.XmlText): boolean {
  if (!(block instanceof Y.XmlElement)) return false
  return (
    block.nodeName === 'bulletList' || (block.nodeName === 'orderedList' && listStart(block) === 1)
  )
}

function inline(pieces: readonly InlinePiece[]): string {
  return pieces
    .map((piece) => (piece.kind === 'break' ? '\\\n' : markText(piece.text, piece.marks)))
    .join('')
}

/** Marks wrap the text without its outer spaces: `** bold**` is not bold in CommonMark. */
function markText(text: string, marks: InlineMarks): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? []
  if (core === '') return text
  let result = marks.code ? codeSpan(core) : escapeMarkdown(core)
  if (marks.strike) result = `~~${result}~~`
  if (marks.italic) result = `_${result}_`
  if (marks.bold) result = `**${result}**`
  if (marks.href) result = `[${result}](${linkTarget(marks.href)})`
  return lead + result + trail
}

/** Characters that would end or break a Markdown link target, percent-encoded. */
function linkTarget(href: string): string {
  return href.replace(/[()<> ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
}

function codeSpan(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1)
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text
  return `${fence}${padded}${fence}`
}

function longestRun(text: string, character: string): number {
  let longest = 0
  let current = 0
  for (const char of text) {
    current = char === character ? current + 1 : 0
    longest = Math.max(longest, current)
  }
  return longest
}
