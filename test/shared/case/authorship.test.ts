import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  authorOfClient,
  authorShares,
  authorshipOf,
  registerAuthor,
  UNKNOWN_AUTHOR,
} from '../../../src/shared/case/authorship'
import { SECTION_NAMES } from '../../../src/shared/case/schema'
import { copyOf, firstText, newCase, sync, write } from './case-fixture'

describe('who wrote what', () => {
  it('attributes every visible character of a section two members edited', () => {
    const danaDoc = newCase()
    registerAuthor(danaDoc, 'dana')
    const omarDoc = copyOf(danaDoc)
    registerAuthor(omarDoc, 'omar')

    write(danaDoc, 'summary', 'The refund failed.')
    sync(danaDoc, omarDoc)
    const text = firstText(omarDoc, 'summary')
    omarDoc.transact(() => {
      text.delete(11, 6) // "failed", written by Dana, is gone but stays in the document
      text.insert(11, 'went out')
    })
    sync(danaDoc, omarDoc)

    for (const doc of [danaDoc, omarDoc]) {
      const authorship = authorshipOf(doc, 'summary')
      expect(authorship.segments).toEqual([
        { memberId: 'dana', text: 'The refund ' },
        { memberId: 'omar', text: 'went out' },
        { memberId: 'dana', text: '.' },
      ])
      expect(authorship.characters).toEqual(
        new Map([
          ['dana', 12],
          ['omar', 8],
        ]),
      )
    }
  })

  it('keeps formatting out of the way of authorship', () => {
    const doc = newCase()
    registerAuthor(doc, 'dana')
    write(doc, 'impact', 'Finance holds the renewal.')
    firstText(doc, 'impact').format(0, 7, { bold: {} })
    expect(authorshipOf(doc, 'impact').segments).toEqual([
      { memberId: 'dana', text: 'Finance holds the renewal.' },
    ])
    expect(authorshipOf(doc, 'impact').characters.get('dana')).toBe(26)
  })

  it('calls text from a session nobody registered unknown', () => {
    const doc = newCase()
    const stranger = copyOf(doc)
    write(stranger, 'history', 'Seen before in March.')
    sync(doc, stranger)
    expect(authorshipOf(doc, 'history').segments).toEqual([
      { memberId: UNKNOWN_AUTHOR, text: 'Seen before in March.' },
    ])
    expect(authorOfClient(doc, stranger.clientID)).toBe(UNKNOWN_AUTHOR)
  })

  it('registers a session once, and never as two members', () => {
    const doc = new Y.Doc({ gc: false })
    registerAuthor(doc, 'dana')
    registerAuthor(doc, 'dana')
    expect(doc.getMap('users').size).toBe(1)
    expect(() => registerAuthor(doc, 'omar')).toThrow(/another member/)
  })

  it("gives each writer's share of the text of all sections, largest first", () => {
    const danaDoc = newCase()
    for (const name of SECTION_NAMES) write(danaDoc, name)
    registerAuthor(danaDoc, 'dana')
    const omarDoc = copyOf(danaDoc)
    registerAuthor(omarDoc, 'omar')
    write(danaDoc, 'summary', 'The refund failed.')
    write(omarDoc, 'impact', 'Finance blocked.')
    sync(danaDoc, omarDoc)
    expect(authorShares(omarDoc)).toEqual([
      { memberId: 'dana', characters: 18, percent: 53 },
      { memberId: 'omar', characters: 16, percent: 47 },
    ])
  })
})
