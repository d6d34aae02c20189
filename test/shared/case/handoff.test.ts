import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { escalate, handOff, handoffNote, handoffNoteBlocks } from '../../../src/shared/case/handoff'
import { noteToHtml, noteToMarkdown } from '../../../src/shared/case/documents/note-blocks'
import { SWARM_PROMPTS } from '../../../src/shared/case/templates'
import { addAction, filterActions, listActions } from '../../../src/shared/case/timeline'
import { at, newCase, write } from './case-fixture'

function readyCase(): Y.Doc {
  const doc = newCase()
  write(doc, 'summary', 'Acme is charged twice for every plan change since 18 November.')
  write(doc, 'impact', 'Finance at Acme holds the renewal until the refunds land.')
  write(doc, 'history', 'Ticket 47100 had the same proration bug in March.')
  write(doc, 'expertise', 'Billing engineering, to find why proration runs twice.')
  addAction(
    doc,
    'omar',
    { kind: 'tried', text: 'Resynced the invoices', outcome: 'No change' },
    at(10),
  )
  return doc
}

describe('handing the case off', () => {
  it('goes ahead when the case is complete and logs where it went', () => {
    const doc = readyCase()
    const result = handOff(doc, 'dana', { to: 'priya', acknowledgeGaps: false, now: at(30) })
    expect(result.gaps).toEqual([])
    const [event] = filterActions(listActions(doc), { kinds: ['handoff'] })
    expect(event).toMatchObject({
      id: result.eventId,
      author: 'dana',
      text: 'Dana Whitfield handed the case off to Priya Raman.',
      data: { to: 'priya', gaps: [] },
    })
  })

  it('is refused while the case is incomplete, naming what is missing', () => {
    const doc = readyCase()
    write(doc, 'impact')
    expect(() => handOff(doc, 'dana', { to: 'priya', acknowledgeGaps: false })).toThrow(
      'The case is not ready to hand off: Customer impact is missing.',
    )
    expect(filterActions(listActions(doc), { kinds: ['handoff'] })).toEqual([])
  })

  it('goes ahead with acknowledged gaps, which are logged with it', () => {
    const doc = newCase()
    const result = handOff(doc, 'dana', { to: 'Billing tier 2', acknowledgeGaps: true })
    expect(result.gaps).toHaveLength(5)
    const [event] = filterActions(listActions(doc), { kinds: ['handoff'] })
    expect(event?.text).toBe(
      'Dana Whitfield handed the case off to Billing tier 2, acknowledging 5 gaps.',
    )
    expect(event?.data).toEqual({ to: 'Billing tier 2', gaps: result.gaps })
  })

  it('is done by the case owner only', () => {
    const doc = readyCase()
    expect(() => handOff(doc, 'omar', { to: 'priya', acknowledgeGaps: true })).toThrow(
      'Only the case owner can hand the case off.',
    )
  })
})

describe('escalating the case', () => {
  it('is refused without what was tried, unless the gaps are acknowledged', () => {
    const doc = newCase()
    write(doc, 'impact', 'Acme cannot close its books.')
    expect(() => escalate(doc, 'omar', { acknowledgeGaps: false })).toThrow(/what was tried/)
    const result = escalate(doc, 'omar', { acknowledgeGaps: true, now: at(15) })
    expect(result.gaps).toHaveLength(3)
    expect(filterActions(listActions(doc), { kinds: ['escalation'] })).toMatchObject([
      { author: 'omar', data: { gaps: result.gaps } },
    ])
  })

  it('is not open to observers', () => {
    expect(() => escalate(readyCase(), 'otto', { acknowledgeGaps: true })).toThrow(/Observers/)
  })
})

describe('the handoff note', () => {
  it('puts the whole case on one page of Markdown', () => {
    const note = handoffNote(readyCase())
    expect(note).toContain('# Handoff: Acme: double charges')
    expect(note).toContain(
      '- **Ticket:** Zendesk ticket 48213, https://acme.zendesk.com/agent/tickets/48213',
    )
    expect(note).toContain('- **Customer:** Acme Corp')
    expect(note).toContain('- **Case owner:** Dana Whitfield')
    expect(note).toContain('## Customer impact\n\nFinance at Acme holds the renewal')
    expect(note).toContain(
      '- 2026-11-20 09:10 UTC · Omar · Tried: Resynced the invoices\\\n  Outcome: No change',
    )
    expect(note).toContain('## Gaps\n\nNone: the case holds everything a handoff needs.')
    expect(note).not.toContain('joined the case')
  })

  it('lists the gaps, and says so of a section nobody wrote in', () => {
    const doc = newCase()
    write(doc, 'summary', 'Refunds <script>alert(1)</script> fail *twice*.')
    const note = handoffNote(doc)
    expect(note).toContain('Refunds \\<script\\>alert(1)\\</script\\> fail \\*twice\\*.')
    expect(note).toContain('## Customer impact\n\n_Not written._')
    expect(note).not.toContain(SWARM_PROMPTS['vip-incident'].impact ?? 'Who is affected')
    expect(note).toContain('- Customer impact is missing.')
  })

  it('previews as HTML from the same blocks as the Markdown, escaped', () => {
    const doc = readyCase()
    write(doc, 'summary', 'Refunds <script>alert(1)</script> fail twice.')
    const blocks = handoffNoteBlocks(doc)
    expect(noteToMarkdown(blocks)).toBe(handoffNote(doc))
    const html = noteToHtml(blocks)
    expect(html).toContain('<h1>Handoff: Acme: double charges</h1>')
    expect(html).toContain('<h2>Customer impact</h2><p>Finance at Acme holds the renewal')
    expect(html).toContain('Refunds &#60;script&#62;alert(1)&#60;/script&#62; fail twice.')
    expect(html).not.toContain('<script>')
  })
})
