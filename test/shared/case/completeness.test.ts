import { describe, expect, it } from 'vitest'
import {
  checkEscalation,
  checkHandoff,
  countSentences,
  gapsOf,
} from '../../../src/shared/case/completeness'
import { addAction, listActions } from '../../../src/shared/case/timeline'
import { newCase, write } from './case-fixture'
import type * as Y from 'yjs'

function readyForHandoff(): Y.Doc {
  const doc = newCase()
  write(doc, 'summary', 'Acme is charged twice for every plan change since 18 November.')
  write(doc, 'impact', 'Finance at Acme holds the renewal until the refunds land.')
  write(doc, 'history', 'Ticket 47100 had the same proration bug in March.')
  write(doc, 'expertise', 'Billing engineering, to find why proration runs twice.')
  addAction(doc, 'omar', { kind: 'tried', text: 'Resynced the invoices', outcome: 'No change' })
  return doc
}

function item(doc: Y.Doc, key: string): { ok: boolean; problem?: string } | undefined {
  return checkHandoff(doc).items.find((entry) => entry.key === key)
}

describe('handoff completeness', () => {
  it('is complete when every part a handoff needs is written', () => {
    const check = checkHandoff(readyForHandoff())
    expect(check.complete).toBe(true)
    expect(check.items.map((entry) => entry.key)).toEqual([
      'summary',
      'impact',
      'actions',
      'history',
      'expertise',
    ])
    expect(check.items.every((entry) => entry.problem === undefined)).toBe(true)
  })

  it('names every section nobody wrote in as missing, as a new case starts empty', () => {
    const doc = newCase()
    const check = checkHandoff(doc)
    expect(check.complete).toBe(false)
    expect(gapsOf(check)).toEqual([
      'Case summary is missing.',
      'Customer impact is missing.',
      'No actions taken are in the timeline yet.',
      'Relevant history is missing.',
      'Needed expertise is missing.',
    ])
  })

  it('counts a section holding only empty paragraphs as missing', () => {
    const doc = readyForHandoff()
    write(doc, 'impact', '', '  ')
    expect(item(doc, 'impact')).toMatchObject({ ok: false, problem: 'Customer impact is missing.' })
  })

  it('marks each gap as missing or incomplete, for a checklist to show', () => {
    const doc = newCase()
    write(doc, 'history')
    write(doc, 'summary', 'Acme is charged twice')
    const gaps = Object.fromEntries(checkHandoff(doc).items.map((entry) => [entry.key, entry.gap]))
    expect(gaps).toEqual({
      summary: 'incomplete',
      impact: 'missing',
      actions: 'missing',
      history: 'missing',
      expertise: 'missing',
    })
    expect(checkHandoff(readyForHandoff()).items.every((entry) => entry.gap === undefined)).toBe(
      true,
    )
  })

  it('does not count app events as actions taken', () => {
    const doc = newCase()
    expect(listActions(doc).map((entry) => entry.kind)).toContain('joined')
    expect(item(doc, 'actions')?.ok).toBe(false)
    addAction(doc, 'omar', { kind: 'note', text: 'Called Acme finance', outcome: '' })
    expect(item(doc, 'actions')?.ok).toBe(true)
  })

  it('wants the summary to end a sentence', () => {
    const doc = readyForHandoff()
    write(doc, 'summary', 'Acme is charged twice')
    expect(item(doc, 'summary')).toEqual({
      key: 'summary',
      label: 'Case summary, in one sentence',
      ok: false,
      problem: 'Case summary does not end a sentence.',
      gap: 'incomplete',
    })
    write(doc, 'summary', 'Is Acme charged twice because proration runs twice?')
    expect(item(doc, 'summary')?.ok).toBe(true)
  })

  it('accepts two sentences in the summary but not three', () => {
    const doc = readyForHandoff()
    write(doc, 'summary', 'Acme is charged twice. It started on 18 November.')
    expect(item(doc, 'summary')?.ok).toBe(true)
    write(doc, 'summary', 'Acme is charged twice. It started on 18 November. Finance is upset.')
    expect(item(doc, 'summary')?.problem).toBe('Case summary runs to 3 sentences: say it in one.')
  })

  it('takes the text of a section as written, with no prompt text to leave out', () => {
    const doc = readyForHandoff()
    write(doc, 'summary', 'In one sentence: Acme is charged twice.')
    expect(item(doc, 'summary')?.ok).toBe(true)
    write(doc, 'summary', 'Acme is charged twice. Since when? Finance asks daily.')
    expect(item(doc, 'summary')?.problem).toBe('Case summary runs to 3 sentences: say it in one.')
  })
})

describe('counting sentences', () => {
  it('ends sentences at full stops, question and exclamation marks', () => {
    expect(countSentences('One. Two! Three? "Four."')).toBe(4)
  })

  it('does not end a sentence at an abbreviation, a version or a decimal', () => {
    expect(countSentences('Charges, e.g. the renewal, doubled on v2.3 by 1.5 times.')).toBe(1)
  })

  it('counts a block without a full stop as a sentence of its own', () => {
    expect(countSentences('Acme is charged twice\nSince Monday.')).toBe(2)
  })
})

describe('escalation completeness', () => {
  it('needs impact, what was tried, where the case stands and the help needed', () => {
    const doc = newCase()
    expect(gapsOf(checkEscalation(doc))).toEqual([
      'Customer impact is missing.',
      'Nothing in the timeline says what was tried: add a "Tried" entry.',
      'Nothing says where the case stands: add what was found or decided, or a summary.',
      'Needed expertise is missing.',
    ])
  })

  it('takes a found entry as the current status when the summary is not written', () => {
    const doc = newCase()
    write(doc, 'impact', 'Acme cannot close its books.')
    write(doc, 'expertise', 'A billing engineer to fix proration.')
    addAction(doc, 'omar', { kind: 'tried', text: 'Resynced invoices', outcome: '' })
    expect(checkEscalation(doc).complete).toBe(false)
    addAction(doc, 'omar', { kind: 'found', text: 'Proration ran twice', outcome: '' })
    expect(checkEscalation(doc).complete).toBe(true)
  })

  it('takes a written summary as the current status', () => {
    const doc = readyForHandoff()
    expect(checkEscalation(doc).complete).toBe(true)
  })
})
