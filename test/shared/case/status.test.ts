import { describe, expect, it } from 'vitest'
import { readMeta } from '../../../src/shared/case/case-doc'
import { setStatus } from '../../../src/shared/case/status'
import { filterActions, listActions } from '../../../src/shared/case/timeline'
import { at, newCase } from './case-fixture'

describe('the case status', () => {
  it('logs every change with where it came from and where it went', () => {
    const doc = newCase()
    expect(setStatus(doc, 'dana', 'swarming', at(2))).toBe(true)
    expect(setStatus(doc, 'lena', 'resolved', at(90))).toBe(true)
    expect(readMeta(doc).status).toBe('resolved')
    expect(filterActions(listActions(doc), { kinds: ['status-changed'] })).toMatchObject([
      { author: 'dana', time: at(2).toISOString(), data: { from: 'triage', to: 'swarming' } },
      { author: 'lena', data: { from: 'swarming', to: 'resolved' } },
    ])
  })

  it('logs nothing when the status stays the same', () => {
    const doc = newCase()
    expect(setStatus(doc, 'dana', 'triage')).toBe(false)
    expect(filterActions(listActions(doc), { kinds: ['status-changed'] })).toEqual([])
  })

  it('reaches reviewed only through a lead’s sign-off', () => {
    const doc = newCase()
    expect(() => setStatus(doc, 'lena', 'reviewed')).toThrow(
      /only when a lead signs the review off/,
    )
  })

  it('is changed only by the owner or a lead', () => {
    const doc = newCase()
    expect(() => setStatus(doc, 'omar', 'resolved')).toThrow(
      'Only the case owner or a lead can change the status of the case.',
    )
    expect(readMeta(doc).status).toBe('triage')
  })
})
