import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  approvalStatus,
  approve,
  customerUpdateHash,
  recordWithdrawal,
  requestChanges,
  requestReview,
} from '../../../src/shared/case/approval'
import { filterActions, listActions } from '../../../src/shared/case/timeline'
import { at, copyOf, firstText, newCase, sync, write } from './case-fixture'

const DRAFT = 'We found why you were charged twice and are refunding the duplicates today.'

function caseWithDraft(): Y.Doc {
  const doc = newCase()
  write(doc, 'customerUpdate', DRAFT)
  return doc
}

function withdrawals(doc: Y.Doc): number {
  return filterActions(listActions(doc), { kinds: ['approval-withdrawn'] }).length
}

describe('approving the customer update', () => {
  it('hashes the update as SHA-256 of its XML, so formatting counts too', () => {
    const doc = new Y.Doc()
    expect(customerUpdateHash(doc)).toBe(
      // SHA-256 of the empty string: an empty fragment's XML is "".
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    write(doc, 'customerUpdate', 'Refunds go out today.')
    const plain = customerUpdateHash(doc)
    expect(plain).toMatch(/^[0-9a-f]{64}$/)
    firstText(doc, 'customerUpdate').format(0, 7, { bold: {} })
    expect(customerUpdateHash(doc)).not.toBe(plain)
  })

  it('goes from review requested to approved, recording who, when and which text', () => {
    const doc = caseWithDraft()
    requestReview(doc, 'omar', at(10))
    expect(approvalStatus(doc)).toMatchObject({
      state: 'review-requested',
      requestedBy: 'omar',
      requestedAt: at(10).toISOString(),
      valid: false,
    })
    approve(doc, 'dana', undefined, at(12))
    const status = approvalStatus(doc)
    expect(status).toMatchObject({
      state: 'approved',
      approvedBy: 'dana',
      approvedAt: at(12).toISOString(),
      contentHash: customerUpdateHash(doc),
      valid: true,
      withdrawn: false,
    })
    const kinds = listActions(doc).map((entry) => entry.kind)
    expect(kinds.filter((kind) => kind === 'review-requested' || kind === 'approved')).toEqual([
      'review-requested',
      'approved',
    ])
  })

  it('lets only the owner approve or ask for changes', () => {
    const doc = caseWithDraft()
    requestReview(doc, 'omar')
    expect(() => approve(doc, 'omar')).toThrow(
      'Only the case owner can approve the customer update.',
    )
    expect(() => requestChanges(doc, 'lena')).toThrow(/Only the case owner/)
    expect(() => requestReview(doc, 'otto')).toThrow(/Observers/)
    requestChanges(doc, 'dana', 'Say when the refund reaches their bank.')
    expect(approvalStatus(doc).state).toBe('changes-requested')
    expect(approvalStatus(doc).changesNote).toBe('Say when the refund reaches their bank.')
    expect(listActions(doc).at(-1)?.text).toBe(
      'Dana Whitfield asked for changes to the customer update: Say when the refund reaches their bank.',
    )
  })

  it('forgets what the owner asked to change once a review is asked for again', () => {
    const doc = caseWithDraft()
    requestReview(doc, 'omar')
    requestChanges(doc, 'dana', 'Give the date.')
    firstText(doc, 'customerUpdate').insert(0, 'By Friday: ')
    requestReview(doc, 'omar')
    expect(approvalStatus(doc).changesNote).toBeUndefined()
  })

  it('refuses to approve a draft nobody has written yet', () => {
    const doc = newCase()
    expect(() => approve(doc, 'dana')).toThrow(/no text yet/)
  })

  it('refuses the approval when the text changed while the owner was reading it', () => {
    const doc = caseWithDraft()
    const seen = customerUpdateHash(doc)
    firstText(doc, 'customerUpdate').insert(0, 'Good news: ')
    expect(() => approve(doc, 'dana', seen)).toThrow(/changed while you were reading/)
    expect(approvalStatus(doc).state).toBe('draft')
  })

  it('withdraws the approval when anyone edits the approved text', () => {
    const doc = caseWithDraft()
    approve(doc, 'dana', undefined, at(12))
    firstText(doc, 'customerUpdate').insert(0, 'Update: ')
    expect(approvalStatus(doc)).toMatchObject({ state: 'approved', valid: false, withdrawn: true })

    expect(recordWithdrawal(doc, 'omar', at(13))).toBe(true)
    expect(approvalStatus(doc)).toMatchObject({
      state: 'draft',
      valid: false,
      withdrawn: true,
      withdrawnAt: at(13).toISOString(),
    })
    expect(withdrawals(doc)).toBe(1)
    expect(recordWithdrawal(doc, 'omar')).toBe(false)
  })

  it('does nothing when a client checks an approval that still holds', () => {
    const doc = caseWithDraft()
    approve(doc, 'dana')
    expect(recordWithdrawal(doc, 'omar')).toBe(false)
    expect(approvalStatus(doc).valid).toBe(true)
  })

  it('withdraws on both sides an approval given while a teammate was editing', () => {
    const owner = caseWithDraft()
    const teammate = copyOf(owner)
    approve(owner, 'dana', undefined, at(20))
    firstText(teammate, 'customerUpdate').insert(DRAFT.length, ' Sorry for the trouble.')
    sync(owner, teammate)

    for (const doc of [owner, teammate]) {
      expect(approvalStatus(doc)).toMatchObject({
        state: 'approved',
        valid: false,
        withdrawn: true,
      })
    }
    // Both clients notice and record it at once; the timeline shows it once.
    expect(recordWithdrawal(owner, 'dana', at(21))).toBe(true)
    expect(recordWithdrawal(teammate, 'omar', at(21))).toBe(true)
    sync(owner, teammate)

    for (const doc of [owner, teammate]) {
      expect(approvalStatus(doc)).toMatchObject({ state: 'draft', valid: false, withdrawn: true })
      expect(withdrawals(doc)).toBe(1)
    }
    expect(listActions(owner)).toEqual(listActions(teammate))
  })

  it('logs a second withdrawal of the same text approved again', () => {
    const doc = caseWithDraft()
    const text = firstText(doc, 'customerUpdate')
    approve(doc, 'dana', undefined, at(1))
    text.insert(0, 'X')
    recordWithdrawal(doc, 'dana', at(2))
    text.delete(0, 1)
    approve(doc, 'dana', undefined, at(3))
    text.insert(0, 'X')
    recordWithdrawal(doc, 'dana', at(4))
    expect(withdrawals(doc)).toBe(2)
  })

  it('clears the withdrawn flag when someone asks for a new review', () => {
    const doc = caseWithDraft()
    approve(doc, 'dana')
    firstText(doc, 'customerUpdate').insert(0, 'Update: ')
    recordWithdrawal(doc, 'omar')
    requestReview(doc, 'omar')
    expect(approvalStatus(doc)).toMatchObject({ state: 'review-requested', withdrawn: false })
  })
})
