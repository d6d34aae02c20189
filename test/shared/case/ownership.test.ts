import { describe, expect, it } from 'vitest'
import { readMeta } from '../../../src/shared/case/case-doc'
import { readMembers } from '../../../src/shared/case/members'
import {
  acceptOwnership,
  cancelOffer,
  declineOwnership,
  offerOwnership,
  readOwnershipOffer,
} from '../../../src/shared/case/ownership'
import {
  readResponsibilities,
  setResponsibilities,
} from '../../../src/shared/case/responsibilities'
import { filterActions, listActions } from '../../../src/shared/case/timeline'
import { at, newCase } from './case-fixture'

describe('handing the case over', () => {
  it('moves ownership only when the offered member accepts', () => {
    const doc = newCase()
    offerOwnership(doc, 'dana', 'omar', at(30))
    expect(readOwnershipOffer(doc)).toEqual({ to: 'omar', by: 'dana', at: at(30).toISOString() })
    expect(readMeta(doc).ownerId).toBe('dana')

    acceptOwnership(doc, 'omar', at(35))
    expect(readMeta(doc).ownerId).toBe('omar')
    expect(readOwnershipOffer(doc)).toBeNull()
    const members = readMembers(doc)
    expect(members.get('omar')?.role).toBe('owner')
    expect(members.get('dana')?.role).toBe('contributor')
    const events = filterActions(listActions(doc), {
      kinds: ['ownership-offered', 'ownership-accepted'],
    })
    expect(events.map((event) => [event.kind, event.author, event.data])).toEqual([
      ['ownership-offered', 'dana', { to: 'omar' }],
      [
        'ownership-accepted',
        'omar',
        { from: 'dana', to: 'omar', offerAt: '2026-11-20T09:30:00.000Z' },
      ],
    ])
  })

  it('lets only the owner offer, and only to a member who is not an observer', () => {
    const doc = newCase()
    expect(() => offerOwnership(doc, 'omar', 'priya')).toThrow(
      'Only the case owner can offer the case to someone else.',
    )
    expect(() => offerOwnership(doc, 'dana', 'nobody')).toThrow(/member of the case/)
    expect(() => offerOwnership(doc, 'dana', 'otto')).toThrow(/observer/)
    expect(readOwnershipOffer(doc)).toBeNull()
  })

  it('lets nobody but the offered member accept', () => {
    const doc = newCase()
    offerOwnership(doc, 'dana', 'omar')
    expect(() => acceptOwnership(doc, 'priya')).toThrow('Nobody has offered you ownership')
    expect(readMeta(doc).ownerId).toBe('dana')
  })

  it('keeps the owner when the offer is declined or taken back', () => {
    const doc = newCase()
    offerOwnership(doc, 'dana', 'omar')
    declineOwnership(doc, 'omar')
    expect(readOwnershipOffer(doc)).toBeNull()
    expect(() => acceptOwnership(doc, 'omar')).toThrow(/Nobody has offered/)

    offerOwnership(doc, 'dana', 'priya')
    expect(() => cancelOffer(doc, 'priya')).toThrow(/Only the case owner/)
    cancelOffer(doc, 'dana')
    expect(readOwnershipOffer(doc)).toBeNull()
    expect(readMeta(doc).ownerId).toBe('dana')
  })

  it('gives the departing owner’s duties to the new owner', () => {
    const doc = newCase()
    setResponsibilities(doc, 'dana', { customerUpdates: 'dana', engineering: 'priya' })
    offerOwnership(doc, 'dana', 'omar')
    acceptOwnership(doc, 'omar')
    expect(readResponsibilities(doc)).toEqual({
      customerUpdates: 'omar',
      exceptions: 'omar',
      engineering: 'priya',
      closeLoop: 'omar',
    })
  })
})
