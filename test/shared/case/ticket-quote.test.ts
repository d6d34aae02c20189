import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { appendParagraphs } from '../../../src/shared/case/rich-text'
import { fragmentToMarkdown } from '../../../src/shared/case/fragments/fragment-markdown'
import {
  quoteForTimeline,
  quoteIntoHistory,
  type QuotedMessage,
} from '../../../src/shared/case/ticket-quote'

const MESSAGE: QuotedMessage = {
  author: 'Maria Customer',
  at: '2026-03-02T09:00:00Z',
  text: 'Exports stop at 50%.\n\n\nThe log is attached.',
  public: true,
  ticketLabel: 'Zendesk #48213',
  ticketUrl: 'https://acme.zendesk.com/agent/tickets/48213',
}

describe('quoting a ticket message into the case', () => {
  it('appends the message to Relevant history as a blockquote after what is there', () => {
    const doc = new Y.Doc()
    appendParagraphs(doc.getXmlFragment('history'), ['Acme had the same outage in January.'])
    quoteIntoHistory(doc, MESSAGE)
    expect(fragmentToMarkdown(doc.getXmlFragment('history'))).toBe(
      [
        'Acme had the same outage in January.',
        '',
        '> Exports stop at 50%.',
        '>',
        '> The log is attached.',
        '>',
        '> — Maria Customer, 2026-03-02 09:00 UTC, on Zendesk #48213 [https://acme.zendesk.com/agent/tickets/48213](https://acme.zendesk.com/agent/tickets/48213)',
      ].join('\n'),
    )
  })

  it('links the ticket with a link mark the editor shows as a link', () => {
    const doc = new Y.Doc()
    quoteIntoHistory(doc, MESSAGE)
    const quote = doc.getXmlFragment('history').get(0) as Y.XmlElement
    expect(quote.nodeName).toBe('blockquote')
    const last = quote.get(quote.length - 1) as Y.XmlElement
    const delta = (last.get(0) as Y.XmlText).toDelta() as { insert: string; attributes?: object }[]
    expect(delta.at(-1)).toEqual({
      insert: MESSAGE.ticketUrl,
      attributes: { link: { href: MESSAGE.ticketUrl } },
    })
  })

  it('says when the quoted message was an internal note, and links only web addresses', () => {
    const doc = new Y.Doc()
    quoteIntoHistory(doc, { ...MESSAGE, public: false, ticketUrl: 'javascript:alert(1)' })
    expect(fragmentToMarkdown(doc.getXmlFragment('history'))).toContain(
      '> — Maria Customer, 2026-03-02 09:00 UTC, internal note on Zendesk #48213',
    )
    expect(fragmentToMarkdown(doc.getXmlFragment('history'))).not.toContain('javascript')
  })

  it('writes the timeline entry as the quoted text with its attribution and link', () => {
    expect(quoteForTimeline({ ...MESSAGE, text: 'Exports stop at 50%.' })).toBe(
      '“Exports stop at 50%.” — Maria Customer, 2026-03-02 09:00 UTC, on Zendesk #48213 https://acme.zendesk.com/agent/tickets/48213',
    )
  })

  it('shortens a very long message so the timeline entry stays within its limit', () => {
    const text = quoteForTimeline({ ...MESSAGE, text: 'x'.repeat(30_000) })
    expect(text.length).toBeLessThan(20_000)
    expect(text).toContain('x…” — Maria Customer')
  })
})
