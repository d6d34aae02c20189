import { describe, expect, it } from 'vitest'
import { findMentions, findMentionsAt, mentionsOf } from '../../../src/shared/case/mentions'
import { readMembers } from '../../../src/shared/case/members'
import { addAction } from '../../../src/shared/case/timeline'
import { newCase, write } from './case-fixture'

const members = [
  { memberId: 'lee', name: 'Lee' },
  { memberId: 'lee-ann', name: 'Lee Ann' },
  { memberId: 'omar', name: 'Omar' },
]

describe('mentions', () => {
  it('finds members mentioned by name, ignoring case', () => {
    expect(findMentions('@omar can you check the invoices?', members)).toEqual(['omar'])
  })

  it('takes the longest name that follows the @', () => {
    expect(findMentions('Thanks @Lee Ann, and @lee.', members)).toEqual(['lee-ann', 'lee'])
  })

  it('needs the name to end where a word ends', () => {
    expect(findMentions('@Leeroy and @Omars', members)).toEqual([])
  })

  it('ignores e-mail addresses and lists each member once', () => {
    expect(findMentions('Mail omar@acme.com, @Omar, @OMAR', members)).toEqual(['omar'])
  })

  it('reads the members straight from the case', () => {
    expect(findMentions('@Dana Whitfield please approve', readMembers(newCase()))).toEqual(['dana'])
  })

  it('lists the sections and timeline entries that mention a member', () => {
    const doc = newCase()
    write(doc, 'expertise', 'Billing: @Priya Raman knows proration.')
    const id = addAction(doc, 'dana', {
      kind: 'note',
      text: 'Asked engineering',
      outcome: '@priya raman to confirm',
    })
    addAction(doc, 'dana', { kind: 'note', text: 'Priya is away', outcome: '' })
    expect(mentionsOf(doc, 'priya')).toEqual([
      { kind: 'section', section: 'expertise' },
      { kind: 'action', id },
    ])
    expect(mentionsOf(doc, 'omar')).toEqual([])
  })

  it('gives the offset of every mention, in the text as written', () => {
    expect(findMentionsAt('İ @Omar, then @LEE ANN and @omar again', members)).toEqual([
      { memberId: 'omar', at: 2 },
      { memberId: 'lee-ann', at: 14 },
      { memberId: 'omar', at: 27 },
    ])
  })
})
