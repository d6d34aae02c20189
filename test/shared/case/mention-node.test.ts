/**
 * A member picked from the @ list is a `mention` node in the section, not the text "@Name":
 * before the readers knew the node, exports dropped the name and no notification went out.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { registerAuthor } from '../../../src/shared/case/authorship'
import { AlertWatch, alertsFor } from '../../../src/shared/case/case-alerts'
import { section } from '../../../src/shared/case/case-doc'
import { caseNote } from '../../../src/shared/case/documents/case-note'
import { fragmentToHtml } from '../../../src/shared/case/fragments/fragment-html'
import { fragmentToMarkdown } from '../../../src/shared/case/fragments/fragment-markdown'
import { fragmentToText } from '../../../src/shared/case/fragments/fragment-text'
import { entryMentions, mentionsOf } from '../../../src/shared/case/mentions'
import { readMembers } from '../../../src/shared/case/members'
import { fragmentToPlainText } from '../../../src/shared/case/rich-text'
import { addAction, listActions } from '../../../src/shared/case/timeline'
import { copyOf, newCase, sync } from './case-fixture'

/** A paragraph as the editor writes it with y-prosemirror: text, the mention node, text. */
function writeWithMention(
  doc: Y.Doc,
  before: string,
  memberId: string,
  label: string,
  after: string,
): void {
  const paragraph = new Y.XmlElement('paragraph')
  const mention = new Y.XmlElement('mention')
  mention.setAttribute('id', memberId)
  mention.setAttribute('label', label)
  mention.setAttribute('mentionSuggestionChar', '@')
  const start = new Y.XmlText()
  const end = new Y.XmlText()
  paragraph.insert(0, [start, mention, end])
  start.insert(0, before)
  end.insert(0, after)
  const fragment = section(doc, 'summary')
  doc.transact(() => {
    fragment.delete(0, fragment.length)
    fragment.insert(0, [paragraph])
  })
}

/** Dana's and Omar's copies of one case, each writing as its member. */
function pair(): { dana: Y.Doc; omar: Y.Doc } {
  const dana = newCase()
  registerAuthor(dana, 'dana')
  const omar = copyOf(dana)
  registerAuthor(omar, 'omar')
  return { dana, omar }
}

describe('mentions picked from the member list', () => {
  it('read as @Name in Markdown, HTML, plain text and the search text', () => {
    const doc = newCase()
    writeWithMention(doc, 'Asked ', 'priya', 'Priya Raman', ' to check the proration job.')
    const fragment = section(doc, 'summary')
    expect(fragmentToMarkdown(fragment)).toBe('Asked @Priya Raman to check the proration job.')
    expect(fragmentToHtml(fragment)).toBe('<p>Asked @Priya Raman to check the proration job.</p>')
    expect(fragmentToText(fragment)).toBe('Asked @Priya Raman to check the proration job.')
    expect(fragmentToPlainText(fragment)).toBe('Asked @Priya Raman to check the proration job.')
  })

  it('read as @Name in the internal note exported to the ticket, with the timeline', () => {
    const doc = newCase()
    writeWithMention(doc, 'Asked ', 'priya', 'Priya Raman', ' to check the proration job.')
    addAction(doc, 'dana', {
      kind: 'tried',
      text: 'Paired with @Omar on the replay',
      outcome: '',
      mentions: [{ memberId: 'omar', name: 'Omar' }],
    })
    const note = caseNote(doc)
    for (const rendered of [note.markdown, note.html, note.text]) {
      expect(rendered).toContain('Asked @Priya Raman to check the proration job.')
      expect(rendered).toContain('Paired with @Omar on the replay')
    }
  })

  it('escape a name a peer wrote with markup in it', () => {
    const doc = newCase()
    writeWithMention(doc, '', 'priya', '<b>Priya</b>', '')
    expect(fragmentToHtml(section(doc, 'summary'))).toBe('<p>@&#60;b&#62;Priya&#60;/b&#62;</p>')
    expect(fragmentToMarkdown(section(doc, 'summary'))).toBe('@\\<b\\>Priya\\</b\\>')
  })

  it('notify the member named by id, once, with the words around it', () => {
    const { dana, omar } = pair()
    const watch = new AlertWatch(dana, 'dana')
    writeWithMention(omar, 'Waiting on ', 'dana', 'Dana', ' for the refund.')
    sync(dana, omar)
    const [alert, ...rest] = watch.takeNew()
    expect(rest).toEqual([])
    expect(alert).toMatchObject({
      kind: 'mention',
      by: 'omar',
      title: 'Omar mentioned you in Case summary',
      body: 'Waiting on @Dana for the refund.',
      place: { kind: 'section', section: 'summary' },
    })
    // The label is the name when mentioned: the id says who, even after a rename.
    expect(watch.takeNew()).toEqual([])
    expect(mentionsOf(dana, 'dana')).toEqual([{ kind: 'section', section: 'summary' }])
  })

  it('never notify the member who wrote the mention, nor anyone it does not name', () => {
    const { dana, omar } = pair()
    writeWithMention(omar, 'Note to self ', 'omar', 'Omar', '')
    sync(dana, omar)
    expect(alertsFor(omar, 'omar')).toEqual([])
    expect(alertsFor(dana, 'dana')).toEqual([])
    expect(alertsFor(dana, 'priya')).toEqual([])
  })

  it('keep the mentions typed as text working beside them', () => {
    const { dana, omar } = pair()
    writeWithMention(omar, '@Priya Raman and ', 'dana', 'Dana Whitfield', ', please look.')
    sync(dana, omar)
    expect(alertsFor(dana, 'priya').map((alert) => alert.title)).toEqual([
      'Omar mentioned you in Case summary',
    ])
    expect(alertsFor(dana, 'dana')).toHaveLength(1)
  })
})

describe('mentions picked in a timeline entry', () => {
  it('are kept with the entry and notify the member they name', () => {
    const { dana, omar } = pair()
    const watch = new AlertWatch(dana, 'dana')
    addAction(omar, 'omar', {
      kind: 'note',
      text: 'Handed the refund to @Dana W.',
      outcome: '',
      mentions: [{ memberId: 'dana', name: 'Dana W.' }],
    })
    sync(dana, omar)
    const entry = listActions(dana).at(-1)
    expect(entry?.mentions).toEqual([{ memberId: 'dana', name: 'Dana W.' }])
    expect(watch.takeNew().map((alert) => alert.title)).toEqual([
      'Omar mentioned you in the timeline',
    ])
  })

  it('still come from the text in entries written before the picker', () => {
    const doc = newCase()
    addAction(doc, 'omar', { kind: 'note', text: 'Asked @Priya Raman', outcome: '' })
    const entry = listActions(doc).at(-1)
    expect(entry?.mentions).toBeUndefined()
    expect(entryMentions(entry ?? { text: '', outcome: '' }, readMembers(doc))).toEqual(['priya'])
  })

  it('are dropped on reading when a peer wrote something that is not a list of members', () => {
    const doc = newCase()
    addAction(doc, 'omar', { kind: 'note', text: 'Asked billing', outcome: '' })
    const actions = doc.getArray<Y.Map<unknown>>('actions')
    const stored = actions.get(actions.length - 1)
    stored.set('mentions', 'everyone')
    expect(listActions(doc).at(-1)?.mentions).toBeUndefined()
    expect(listActions(doc).at(-1)?.text).toBe('Asked billing')
  })
})
