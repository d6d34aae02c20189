import { describe, expect, it } from 'vitest'
import { readMeta } from '../../../src/shared/case/case-doc'
import {
  addReviewComment,
  anchorsInText,
  commentedText,
  listReviewComments,
  readSignOff,
  resolveReviewComment,
  signOff,
  type ReviewCommentInput,
} from '../../../src/shared/case/review'
import { setStatus } from '../../../src/shared/case/status'
import { filterActions, listActions } from '../../../src/shared/case/timeline'
import { at, copyOf, firstText, newCase, sync, write } from './case-fixture'

describe('the lead’s review', () => {
  it('anchors a comment to text that it keeps following through edits', () => {
    const doc = newCase()
    write(doc, 'summary', 'Acme is charged twice after a plan change.')
    const text = firstText(doc, 'summary')
    const id = addReviewComment(
      doc,
      'lena',
      {
        section: 'summary',
        ...anchorsInText(text, 8, 21),
        quote: 'charged twice',
        text: 'Since when?',
      },
      at(100),
    )
    text.insert(0, 'Since Monday, ')
    const [comment] = listReviewComments(doc, 'summary')
    expect(comment).toMatchObject({ id, by: 'lena', quote: 'charged twice', resolved: false })
    expect(comment && commentedText(doc, comment)).toBe('charged twice')
  })

  it('shares comments with teammates', () => {
    const doc = newCase()
    write(doc, 'impact', 'Finance holds the renewal.')
    const teammate = copyOf(doc)
    addReviewComment(doc, 'lena', {
      section: 'impact',
      ...anchorsInText(firstText(doc, 'impact'), 0, 7),
      quote: 'Finance',
      text: 'Who in finance?',
    })
    sync(doc, teammate)
    expect(listReviewComments(teammate).map((comment) => comment.text)).toEqual(['Who in finance?'])
  })

  it('refuses a comment anchored in another section', () => {
    const doc = newCase()
    write(doc, 'summary', 'Acme is charged twice.')
    const anchors = anchorsInText(firstText(doc, 'summary'), 0, 4)
    expect(() =>
      addReviewComment(doc, 'lena', { section: 'impact', ...anchors, quote: 'Acme', text: 'Hm' }),
    ).toThrow(/not in that section/)
    const nowhere = { section: 'sidebar', ...anchors, quote: 'Acme', text: 'Hm' }
    expect(() => addReviewComment(doc, 'lena', nowhere as unknown as ReviewCommentInput)).toThrow(
      'That comment does not point at text in a section.',
    )
  })

  it('lets the author, the owner or a lead resolve a comment, nobody else', () => {
    const doc = newCase()
    write(doc, 'summary', 'Acme is charged twice.')
    const anchors = anchorsInText(firstText(doc, 'summary'), 0, 4)
    const id = addReviewComment(doc, 'omar', {
      section: 'summary',
      ...anchors,
      quote: 'Acme',
      text: 'Full name?',
    })
    expect(() => resolveReviewComment(doc, 'priya', id)).toThrow(/Only the author of a comment/)
    resolveReviewComment(doc, 'dana', id)
    expect(listReviewComments(doc)[0]?.resolved).toBe(true)
  })

  it('signs a resolved case off, which makes it reviewed', () => {
    const doc = newCase()
    setStatus(doc, 'dana', 'resolved', at(90))
    signOff(doc, 'lena', at(200))
    expect(readSignOff(doc)).toEqual({ by: 'lena', at: at(200).toISOString() })
    expect(readMeta(doc).status).toBe('reviewed')
    const kinds = listActions(doc)
      .slice(-2)
      .map((entry) => entry.kind)
    expect(kinds).toEqual(['signed-off', 'status-changed'])
    expect(filterActions(listActions(doc), { kinds: ['status-changed'] }).at(-1)?.data).toEqual({
      from: 'resolved',
      to: 'reviewed',
    })
  })

  it('says in the timeline when the review was signed off without post-incident notes', () => {
    const doc = newCase()
    setStatus(doc, 'dana', 'resolved', at(90))
    signOff(doc, 'lena', at(200))
    const entry = filterActions(listActions(doc), { kinds: ['signed-off'] }).at(-1)
    expect(entry?.text).toBe('Lena signed the review off without post-incident notes.')

    const written = newCase()
    write(written, 'postIncident', 'Re-import the IdP metadata after every rotation.')
    setStatus(written, 'dana', 'resolved', at(90))
    signOff(written, 'lena', at(200))
    const signed = filterActions(listActions(written), { kinds: ['signed-off'] }).at(-1)
    expect(signed?.text).toBe('Lena signed the review off.')
  })

  it('lets only a lead sign off, and only once the case is resolved', () => {
    const doc = newCase()
    expect(() => signOff(doc, 'lena')).toThrow('Sign the review off once the case is resolved.')
    setStatus(doc, 'dana', 'resolved')
    expect(() => signOff(doc, 'dana')).toThrow('Only a lead can sign the review off.')
    expect(readSignOff(doc)).toBeNull()
  })
})
