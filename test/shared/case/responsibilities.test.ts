import { describe, expect, it } from 'vitest'
import {
  readResponsibilities,
  setResponsibilities,
} from '../../../src/shared/case/responsibilities'
import { newCase } from './case-fixture'

describe('responsibilities', () => {
  it('rest with the owner until the owner assigns them', () => {
    const doc = newCase()
    expect(readResponsibilities(doc)).toEqual({
      customerUpdates: 'dana',
      exceptions: 'dana',
      engineering: 'dana',
      closeLoop: 'dana',
    })
    setResponsibilities(doc, 'dana', { exceptions: 'lena', engineering: 'priya' })
    setResponsibilities(doc, 'dana', { engineering: '' })
    expect(readResponsibilities(doc)).toMatchObject({ exceptions: 'lena', engineering: 'dana' })
  })

  it('can be assigned only by the owner, and only to members', () => {
    const doc = newCase()
    expect(() => setResponsibilities(doc, 'omar', { closeLoop: 'omar' })).toThrow(
      'Only the case owner can assign responsibilities.',
    )
    expect(() => setResponsibilities(doc, 'dana', { closeLoop: 'nobody' })).toThrow(/members/)
  })
})
