import { describe, expect, it } from 'vitest'
import { authorColorSlots, MEMBER_COLORS } from '../../../src/shared/case/member-colors'
import type { CaseMember } from '../../../src/shared/case/schema'

function member(name: string, color: string): CaseMember {
  return { name, color, role: 'contributor', expertise: '' }
}

describe('colour slots for authorship', () => {
  it('gives each member the slot of their own colour from the palette', () => {
    const slots = authorColorSlots(
      new Map([
        ['dana', member('Dana', '#2563eb')],
        ['omar', member('Omar', '#DB2777')],
      ]),
    )
    expect(slots).toEqual(
      new Map([
        ['dana', 0],
        ['omar', 1],
      ]),
    )
  })

  it('moves a member whose colour is taken, or not from the palette, to a free slot', () => {
    const slots = authorColorSlots(
      new Map([
        ['priya', member('Priya', '#2563eb')],
        ['dana', member('Dana', '#2563eb')],
        ['guest', member('Guest', '#123456')],
      ]),
    )
    // Ordered by id, so every teammate's screen shows the same colours.
    expect(slots).toEqual(
      new Map([
        ['dana', 0],
        ['guest', 1],
        ['priya', 2],
      ]),
    )
  })

  it('leaves members beyond the palette without a slot', () => {
    const many = new Map(
      Array.from({ length: MEMBER_COLORS.length + 2 }, (_, index) => [
        `member-${String(index).padStart(2, '0')}`,
        member(`Member ${index}`, MEMBER_COLORS[0]),
      ]),
    )
    const slots = authorColorSlots(many)
    expect(slots.size).toBe(MEMBER_COLORS.length)
    expect(new Set(slots.values()).size).toBe(MEMBER_COLORS.length)
    expect(slots.has(`member-${MEMBER_COLORS.length + 1}`)).toBe(false)
  })
})
