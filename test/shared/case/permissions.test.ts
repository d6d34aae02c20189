import { describe, expect, it } from 'vitest'
import {
  isOwner,
  ownerIdOf,
  requireOwner,
  requireParticipant,
  requireRole,
} from '../../../src/shared/case/permissions'
import { newCase } from './case-fixture'

describe('who may do what', () => {
  it('knows the owner from meta, not from a role a peer wrote', () => {
    const doc = newCase()
    doc.getMap('members').set('omar', { name: 'Omar', color: '#000', role: 'owner', expertise: '' })
    expect(ownerIdOf(doc)).toBe('dana')
    expect(isOwner(doc, 'omar')).toBe(false)
    expect(() => requireOwner(doc, 'omar', 'close the case')).toThrow(
      'Only the case owner can close the case.',
    )
  })

  it('tells someone who is not a member how to join', () => {
    expect(() => requireParticipant(newCase(), 'eve', 'comment')).toThrow(
      'You are not a member of this case yet: open it from the invite.',
    )
  })

  it('lets observers read but not act', () => {
    const doc = newCase()
    expect(() => requireParticipant(doc, 'otto', 'add comments')).toThrow(
      'Observers can follow the case but cannot add comments.',
    )
    expect(requireParticipant(doc, 'omar', 'add comments').name).toBe('Omar')
  })

  it('names every role that may do something', () => {
    const doc = newCase()
    expect(requireRole(doc, 'dana', ['owner', 'lead'], 'resolve the case').role).toBe('owner')
    expect(() => requireRole(doc, 'priya', ['owner', 'lead'], 'resolve the case')).toThrow(
      'Only the case owner or a lead can resolve the case.',
    )
  })
})
