/**
 * Quoting a message of the linked ticket's conversation into the case: into Relevant history
 * as a blockquote (the message, then who wrote it, when, and a link to the ticket), or as the
 * text of a `customer-contact` timeline entry. The time is written in UTC, so every member
 * reads the same attribution whatever their own time zone.
 */
import * as Y from 'yjs'
import { section } from './case-doc'

export interface QuotedMessage {
  author: string
  /** When the message was written (ISO). */
  at: string
  text: string
  /** Whether the customer could see it: internal notes say so in the attribution. */
  public: boolean
  /** The ticket as agents name it ("Zendesk #48213"). */
  ticketLabel: string
  /** The ticket's address; '' when the case holds none. */
  ticketUrl: string
}

/** Timeline entries hold at most 20,000 characters; the attribution needs its share. */
const MAX_QUOTED_TEXT = 19_000

/** "2026-03-02 09:00 UTC": the same words on every member's computer. */
export function quoteTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return 'an unknown time'
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** "— Maria Customer, 2026-03-02 09:00 UTC, internal note on Zendesk #48213" */
export function attribution(quote: QuotedMessage): string {
  const kind = quote.public ? 'on' : 'internal note on'
  return `— ${quote.author || 'Unknown author'}, ${quoteTime(quote.at)}, ${kind} ${quote.ticketLabel}`
}

/** Appends the message to Relevant history as one blockquote, attributed and linked. */
export function quoteIntoHistory(doc: Y.Doc, quote: QuotedMessage): void {
  const lines = quotedLines(quote.text)
  const blockquote = new Y.XmlElement('blockquote')
  const paragraphs = lines.map((line) => paragraph([{ text: line }]))
  const link = safeLink(quote.ticketUrl)
  paragraphs.push(
    paragraph([
      { text: attribution(quote) },
      ...(link ? [{ text: ' ' }, { text: link, link }] : []),
    ]),
  )
  blockquote.insert(0, paragraphs)
  const history = section(doc, 'history')
  doc.transact(() => history.insert(history.length, [blockquote]))
}

/** The text of a `customer-contact` timeline entry quoting the message. */
export function quoteForTimeline(quote: QuotedMessage): string {
  const text = quote.text.trim()
  const shown = text.length > MAX_QUOTED_TEXT ? `${text.slice(0, MAX_QUOTED_TEXT)}…` : text
  const link = safeLink(quote.ticketUrl)
  return `“${shown || '(no text)'}” ${attribution(quote)}${link ? ` ${link}` : ''}`
}

/** One paragraph per line; blank lines only separated paragraphs, which blocks already are. */
function quotedLines(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return lines.length > 0 ? lines : ['(no text)']
}

function paragraph(pieces: { text: string; link?: string }[]): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  const content = new Y.XmlText()
  element.insert(0, [content])
  let at = 0
  for (const piece of pieces) {
    content.insert(at, piece.text, piece.link ? { link: { href: piece.link } } : {})
    at += piece.text.length
  }
  return element
}

/** Only web addresses become links: a ticket URL is typed by a member. */
function safeLink(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
