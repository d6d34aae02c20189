/**
 * What the three renderers (Markdown, HTML, plain text) share: reading blocks, their
 * attributes and their marked-up text out of a section fragment stored the y-prosemirror way.
 */
import * as Y from 'yjs'
import { isMentionNode, mentionText } from '../mention-node'
import { TOO_DEEP_TEXT, isNestedTooDeeply } from '../nesting'

export interface InlineMarks {
  bold: boolean
  italic: boolean
  underline: boolean
  strike: boolean
  code: boolean
  /** The link's target, only when it is an http(s) or mailto address. */
  href?: string
}

const NO_MARKS: InlineMarks = {
  bold: false,
  italic: false,
  underline: false,
  strike: false,
  code: false,
}

export type InlinePiece = { kind: 'text'; text: string; marks: InlineMarks } | { kind: 'break' }

/**
 * The blocks of a fragment or element.
 * Past MAX_NESTING a block is not descended into: each renderer writes TOO_DEEP_TEXT for it.
 */
export function blocksOf(parent: Y.XmlFragment | Y.XmlElement): (Y.XmlElement | Y.XmlText)[] {
  if (isNestedTooDeeply(parent)) return []
  return parent.toArray().flatMap((child): (Y.XmlElement | Y.XmlText)[] => {
    return child instanceof Y.XmlElement || child instanceof Y.XmlText ? [child] : []
  })
}

/**
 * Whether a fragment holds only elements and texts, as the editor binds them. The renderers
 * skip anything else (bare values a client writing the section as a list pushed into it), but
 * the editor's binding fails on it, and a binding that failed halfway keeps listening to the case.
 */
export function holdsOnlyNodes(parent: Y.XmlFragment | Y.XmlElement): boolean {
  // Past MAX_NESTING nothing is rendered from a block, so what it holds does not matter.
  if (isNestedTooDeeply(parent)) return true
  return parent.toArray().every((child) => {
    if (child instanceof Y.XmlText) return true
    return child instanceof Y.XmlElement && holdsOnlyNodes(child)
  })
}

/** The text of a block with its marks, and hard breaks, in order. */
export function inlinePieces(element: Y.XmlElement | Y.XmlText): InlinePiece[] {
  if (isNestedTooDeeply(element)) return [{ kind: 'text', text: TOO_DEEP_TEXT, marks: NO_MARKS }]
  const children = element instanceof Y.XmlText ? [element] : element.toArray()
  return children.flatMap((child): InlinePiece[] => {
    if (child instanceof Y.XmlText) return textPieces(child)
    if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') return [{ kind: 'break' }]
    // A picked mention reads as "@Name" in every export, unformatted.
    if (child instanceof Y.XmlElement && isMentionNode(child)) {
      return [{ kind: 'text', text: mentionText(child), marks: NO_MARKS }]
    }
    if (child instanceof Y.XmlElement) return inlinePieces(child)
    return []
  })
}

/** The link targets a case may hold: web pages and e-mail addresses. */
export const LINK_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:']

/**
 * Only http(s) and mailto links are kept: anything else a member (or a hostile peer) wrote
 * into a link mark (javascript:, file:, data:, tel:) renders as plain text.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value)
    return LINK_PROTOCOLS.includes(url.protocol) ? url.href : undefined
  } catch {
    return undefined
  }
}

export function headingLevel(element: Y.XmlElement): number {
  const level = Number(element.getAttribute('level'))
  return Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 1
}

export function listStart(element: Y.XmlElement): number {
  const start = Number(element.getAttribute('start') ?? 1)
  return Number.isSafeInteger(start) && start >= 0 ? start : 1
}

/** A code block's language, when it is a plain name such as `sql` or `c++`. */
export function codeLanguage(element: Y.XmlElement): string {
  const language = element.getAttribute('language')
  return typeof language === 'string' && /^[\w#+.-]{1,30}$/.test(language) ? language : ''
}

/** The text of a code block, ignoring any marks. */
export function codeText(element: Y.XmlElement): string {
  return inlinePieces(element)
    .map((piece) => (piece.kind === 'text' ? piece.text : '\n'))
    .join('')
}

function textPieces(text: Y.XmlText): InlinePiece[] {
  const ops = text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]
  return ops.flatMap((op): InlinePiece[] => {
    if (typeof op.insert !== 'string' || op.insert === '') return []
    return [{ kind: 'text', text: op.insert, marks: marksOf(op.attributes ?? {}) }]
  })
}

function marksOf(attributes: Record<string, unknown>): InlineMarks {
  // Marks that may overlap are stored as `name--hash` by y-prosemirror; the name is what counts.
  const named = new Map<string, unknown>()
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) named.set(key.split('--')[0] ?? key, value)
  }
  const link = named.get('link')
  const href =
    typeof link === 'object' && link !== null ? safeHref(Reflect.get(link, 'href')) : undefined
  return {
    bold: named.has('bold'),
    italic: named.has('italic'),
    underline: named.has('underline'),
    strike: named.has('strike'),
    code: named.has('code'),
    ...(href === undefined ? {} : { href }),
  }
}

/** `marker` before the first line of `content`, the others indented to line up with it. */
export function indentLines(marker: string, content: string): string {
  const pad = ' '.repeat(marker.length)
  return content
    .split('\n')
    .map((line, index) => (index === 0 ? marker + line : line === '' ? '' : pad + line))
    .join('\n')
}

/** Every line of `content` quoted with `>`, as Markdown and plain-text e-mail both write it. */
export function quoteLines(content: string): string {
  return content
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}
