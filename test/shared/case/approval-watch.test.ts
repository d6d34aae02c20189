import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { approvalStatus, approve, requestReview } from '../../../src/shared/case/approval'
import { watchApproval } from '../../../src/shared/case/approval-watch'
import { filterActions, listActions } from '../../../src/shared/case/timeline'
import { at, copyOf, firstText, newCase, sync, write } from './case-fixture'

function approvedCase(): Y.Doc {
  const doc = newCase()
  write(doc, 'customerUpdate', 'We are refunding the duplicate charge this week.')
  requestReview(doc, 'omar', at(1))
  approve(doc, 'dana', undefined, at(2))
  return doc
}

function withdrawals(doc: Y.Doc): string[] {
  return filterActions(listActions(doc), { kinds: ['approval-withdrawn'] }).map((e) => e.id)
}

describe('watching the approval', () => {
  it('withdraws on both copies when an edit made offline lands after the approval, once', () => {
    const dana = newCase()
    write(dana, 'customerUpdate', 'We are refunding the duplicate charge this week.')
    requestReview(dana, 'omar', at(1))
    const omar = copyOf(dana)
    const stops = [
      watchApproval(dana, 'dana', () => at(5)),
      watchApproval(omar, 'omar', () => at(6)),
    ]

    approve(dana, 'dana', undefined, at(2))
    firstText(omar, 'customerUpdate').insert(0, 'Good news: ')
    expect(approvalStatus(dana).valid).toBe(true)

    sync(dana, omar)
    sync(dana, omar)
    for (const copy of [dana, omar]) {
      expect(approvalStatus(copy)).toMatchObject({ state: 'draft', valid: false, withdrawn: true })
      expect(approvalStatus(copy).approvedBy).toBe('dana')
      expect(withdrawals(copy)).toHaveLength(1)
    }
    expect(withdrawals(dana)).toEqual(withdrawals(omar))
    for (const stop of stops) stop()
  })

  it('leaves a draft and a still-valid approval alone', () => {
    const doc = newCase()
    const stop = watchApproval(doc, 'dana')
    write(doc, 'customerUpdate', 'Refunds go out today.')
    requestReview(doc, 'omar')
    approve(doc, 'dana')
    expect(approvalStatus(doc)).toMatchObject({ state: 'approved', valid: true })
    expect(withdrawals(doc)).toEqual([])
    stop()
  })

  it('records a stale approval found in a copy as the case opens', () => {
    const doc = approvedCase()
    firstText(doc, 'customerUpdate').insert(0, 'Update: ')
    expect(approvalStatus(doc).state).toBe('approved')
    const stop = watchApproval(doc, 'priya', () => at(9))
    expect(approvalStatus(doc)).toMatchObject({ state: 'draft', withdrawnAt: at(9).toISOString() })
    expect(listActions(doc).at(-1)).toMatchObject({ kind: 'approval-withdrawn', author: 'priya' })
    stop()
  })

  it('stops recording once stopped', () => {
    const doc = approvedCase()
    watchApproval(doc, 'dana')()
    firstText(doc, 'customerUpdate').insert(0, 'Update: ')
    expect(approvalStatus(doc)).toMatchObject({ state: 'approved', valid: false })
    expect(withdrawals(doc)).toEqual([])
  })
})
