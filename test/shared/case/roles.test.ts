import { describe, expect, it } from 'vitest'
import { readMembers } from '../../../src/shared/case/members'
import { setMemberRole, setOwnExpertise } from '../../../src/shared/case/roles'
import type { Expertise } from '../../../src/shared/case/schema'
import { filterActions, listActions } from '../../../src/shared/case/timeline'
import { at, newCase } from './case-fixture'

describe('roles and expertise', () => {
  it('lets the owner make a member an approver with billing expertise, and logs it', () => {
    const doc = newCase()
    setMemberRole(doc, 'dana', 'omar', 'approver', 'billing', at(5))
    expect(readMembers(doc).get('omar')).toMatchObject({ role: 'approver', expertise: 'billing' })
    const [event] = filterActions(listActions(doc), { kinds: ['role-changed'] })
    expect(event).toMatchObject({
      author: 'dana',
      time: at(5).toISOString(),
      text: "Omar's role is now Approver (Billing).",
      data: { member: 'omar', role: 'approver', expertise: 'billing' },
    })
  })

  it('refuses role changes from anyone but the owner', () => {
    const doc = newCase()
    expect(() => setMemberRole(doc, 'lena', 'omar', 'lead', '')).toThrow(
      "Only the case owner can change a member's role.",
    )
    expect(() => setMemberRole(doc, 'stranger', 'omar', 'lead', '')).toThrow(/not a member/)
    expect(readMembers(doc).get('omar')?.role).toBe('contributor')
  })

  it('never makes someone owner by a role change, nor demotes the owner', () => {
    const doc = newCase()
    expect(() => setMemberRole(doc, 'dana', 'omar', 'owner', '')).toThrow(/hand-over/)
    expect(() => setMemberRole(doc, 'dana', 'dana', 'contributor', '')).toThrow(/stays owner/)
    setMemberRole(doc, 'dana', 'dana', 'owner', 'account')
    expect(readMembers(doc).get('dana')).toMatchObject({ role: 'owner', expertise: 'account' })
  })

  it('refuses an expertise it does not know', () => {
    const doc = newCase()
    expect(() => setMemberRole(doc, 'dana', 'omar', 'contributor', 'magic' as Expertise)).toThrow(
      '"magic" is not an area of expertise Swarmroom knows.',
    )
  })

  it('lets a member say what they bring without changing their role', () => {
    const doc = newCase()
    setOwnExpertise(doc, 'omar', 'engineering')
    expect(readMembers(doc).get('omar')).toMatchObject({
      role: 'contributor',
      expertise: 'engineering',
    })
    expect(filterActions(listActions(doc), { kinds: ['role-changed'] })).toHaveLength(1)
    setOwnExpertise(doc, 'omar', 'engineering')
    expect(filterActions(listActions(doc), { kinds: ['role-changed'] })).toHaveLength(1)
  })
})
