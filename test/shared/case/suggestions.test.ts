import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { approvalStatus, approve, requestReview } from '../../../src/shared/case/approval'
import { fragmentToPlainText } from '../../../src/shared/case/rich-text'
import {
  acceptSuggestion,
  listSuggestions,
  rejectSuggestion,
  suggestChange,
  suggestionContext,
} from '../../../src/shared/case/suggestions'
import { at, firstText, newCase, write } from './case-fixture'

function caseUnderReview(): Y.Doc {
  const doc = newCase()
  write(doc, 'customerUpdate', 'We are refunding the duplicate charge this week.', 'Thanks, Dana')
  // "duplicate charge" in bold, to see that a replacement keeps the formatting around it.
  firstText(doc, 'customerUpdate').format(21, 16, { bold: {} })
  requestReview(doc, 'omar')
  return doc
}

function draftText(doc: Y.Doc): string {
  return fragmentToPlainText(doc.getXmlFragment('customerUpdate'))
}

describe('suggestions to the customer update', () => {
  it('replaces the first occurrence when the owner accepts, keeping the formatting', () => {
    const doc = caseUnderReview()
    const id = suggestChange(doc, 'omar', { find: 'this week', replace: 'today' }, at(5))
    expect(listSuggestions(doc, 'open')).toMatchObject([
      { id, by: 'omar', at: at(5).toISOString(), find: 'this week', replace: 'today' },
    ])
    acceptSuggestion(doc, 'dana', id, at(6))
    expect(draftText(doc)).toBe('We are refunding the duplicate charge today.\nThanks, Dana')
    expect(firstText(doc, 'customerUpdate').toDelta()).toEqual([
      { insert: 'We are refunding the ' },
      { insert: 'duplicate charge', attributes: { bold: {} } },
      { insert: ' today.' },
    ])
    expect(listSuggestions(doc)).toMatchObject([
      { id, state: 'accepted', decidedBy: 'dana', decidedAt: at(6).toISOString() },
    ])
  })

  it('writes the replacement with the marks of the text it replaces', () => {
    const doc = caseUnderReview()
    const id = suggestChange(doc, 'priya', { find: 'duplicate', replace: 'second' })
    acceptSuggestion(doc, 'dana', id)
    expect(firstText(doc, 'customerUpdate').toDelta()).toEqual([
      { insert: 'We are refunding the ' },
      { insert: 'second charge', attributes: { bold: {} } },
      { insert: ' this week.' },
    ])
  })

  it('leaves the draft as it is when the owner rejects', () => {
    const doc = caseUnderReview()
    const before = draftText(doc)
    const id = suggestChange(doc, 'omar', { find: 'Thanks', replace: 'Best' })
    rejectSuggestion(doc, 'dana', id)
    expect(draftText(doc)).toBe(before)
    expect(listSuggestions(doc)[0]?.state).toBe('rejected')
    expect(() => acceptSuggestion(doc, 'dana', id)).toThrow('That suggestion was already rejected.')
  })

  it('keeps the suggestion open when its text is no longer in the update', () => {
    const doc = caseUnderReview()
    const id = suggestChange(doc, 'omar', { find: 'this week', replace: 'today' })
    write(doc, 'customerUpdate', 'We refunded you.')
    expect(() => acceptSuggestion(doc, 'dana', id)).toThrow(
      '"this week" is no longer in the customer update',
    )
    expect(listSuggestions(doc, 'open').map((suggestion) => suggestion.id)).toEqual([id])
  })

  it('takes suggestions only while the draft is under review, and only for text in it', () => {
    const doc = newCase()
    write(doc, 'customerUpdate', 'We are refunding you.')
    expect(() => suggestChange(doc, 'omar', { find: 'We', replace: 'I' })).toThrow(
      /not under review/,
    )
    requestReview(doc, 'omar')
    expect(() => suggestChange(doc, 'omar', { find: 'tomorrow', replace: 'today' })).toThrow(
      /not in the customer update/,
    )
    expect(() => suggestChange(doc, 'dana', { find: 'We', replace: 'I' })).toThrow(
      /edit the customer update directly/,
    )
    expect(() => suggestChange(doc, 'otto', { find: 'We', replace: 'I' })).toThrow(/Observers/)
    expect(listSuggestions(doc)).toEqual([])
  })

  it('lets only the owner accept or reject', () => {
    const doc = caseUnderReview()
    const id = suggestChange(doc, 'omar', { find: 'this week', replace: 'today' })
    expect(() => acceptSuggestion(doc, 'omar', id)).toThrow('Only the case owner can accept')
    expect(() => rejectSuggestion(doc, 'priya', id)).toThrow('Only the case owner can reject')
  })

  it('withdraws an approval when an accepted suggestion changes the approved text', () => {
    const doc = caseUnderReview()
    approve(doc, 'dana')
    const id = suggestChange(doc, 'omar', { find: 'this week', replace: 'today' })
    acceptSuggestion(doc, 'dana', id)
    expect(approvalStatus(doc)).toMatchObject({ valid: false, withdrawn: true })
  })

  it('shows the words around a suggested change, cut at a word in a long paragraph', () => {
    const doc = caseUnderReview()
    expect(suggestionContext(doc, 'this week')).toEqual({
      before: 'We are refunding the duplicate charge ',
      after: '.',
    })
    const long =
      'Our billing team found that the plan change ran proration twice for your account, ' +
      'so we are refunding the duplicate charge this week and checking every other invoice ' +
      'from November so nothing like it happens again.'
    write(doc, 'customerUpdate', long)
    const around = suggestionContext(doc, 'refunding')
    expect(around?.before).toBe('… change ran proration twice for your account, so we are ')
    expect(around?.after).toBe(' the duplicate charge this week and checking every other…')
    expect(suggestionContext(doc, 'no such words')).toBeNull()
  })
})
