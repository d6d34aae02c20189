/**
 * Cases written before prompts became placeholders hold them as italic paragraphs. The owner's
 * app removes the ones nobody edited, once, and logs it; what anyone wrote stays.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { PROMPTS_MIGRATED_KEY, metaMap, section } from '../../../src/shared/case/case-doc'
import { caseNote } from '../../../src/shared/case/documents/case-note'
import { customerReply } from '../../../src/shared/case/fragments/customer-reply'
import { removeUneditedPrompts } from '../../../src/shared/case/prompt-migration'
import { appendParagraphs, fragmentToPlainText } from '../../../src/shared/case/rich-text'
import { SECTION_NAMES, type SectionName } from '../../../src/shared/case/schema'
import { sectionState } from '../../../src/shared/case/section-state'
import { SWARM_PROMPTS } from '../../../src/shared/case/templates'
import { listActions } from '../../../src/shared/case/timeline'
import { at, copyOf, newCase } from './case-fixture'

const prompts = SWARM_PROMPTS['vip-incident']
const prompt = (name: SectionName): string => prompts[name] ?? ''

/** A case as an earlier version wrote it: every section starts with its prompt, in italics. */
function caseFromEarlierVersion(): Y.Doc {
  const doc = newCase()
  doc.transact(() => {
    metaMap(doc).delete(PROMPTS_MIGRATED_KEY)
    for (const name of SECTION_NAMES)
      appendParagraphs(section(doc, name), [prompt(name)], ['italic'])
  })
  return doc
}

function removedEvents(doc: Y.Doc): ReturnType<typeof listActions> {
  return listActions(doc).filter((entry) => entry.kind === 'prompts-removed')
}

describe('removing the prompts an earlier version wrote into a case', () => {
  it('removes only the prompt paragraphs nobody edited', () => {
    const doc = caseFromEarlierVersion()
    // Impact: a paragraph written after the untouched prompt.
    appendParagraphs(section(doc, 'impact'), ['About 400 agents are locked out.'])
    // Summary: typed into the prompt itself.
    const summary = section(doc, 'summary').get(0) as Y.XmlElement
    ;(summary.get(0) as Y.XmlText).insert(prompt('summary').length, ' Since Monday.')
    // History: part of the prompt made bold.
    const history = section(doc, 'history').get(0) as Y.XmlElement
    ;(history.get(0) as Y.XmlText).format(0, 7, { bold: {} })
    // Expertise: italic text of someone's own.
    appendParagraphs(section(doc, 'expertise'), ['Billing, urgently.'], ['italic'])

    expect(removeUneditedPrompts(doc, 'dana', at(60))).toBe(4)

    expect(fragmentToPlainText(section(doc, 'impact'))).toBe('About 400 agents are locked out.')
    expect(fragmentToPlainText(section(doc, 'summary'))).toBe(`${prompt('summary')} Since Monday.`)
    expect(fragmentToPlainText(section(doc, 'history'))).toBe(prompt('history'))
    expect(fragmentToPlainText(section(doc, 'expertise'))).toBe('Billing, urgently.')
    expect(section(doc, 'customerUpdate').length).toBe(0)
    expect(section(doc, 'postIncident').length).toBe(0)
    expect(sectionState(section(doc, 'customerUpdate'))).toBe('missing')
  })

  it('logs one timeline entry naming the sections, and marks the case as done', () => {
    const doc = caseFromEarlierVersion()
    removeUneditedPrompts(doc, 'dana', at(60))
    const events = removedEvents(doc)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ author: 'dana', time: at(60).toISOString() })
    expect(events[0]?.text).toContain('Case summary, Customer impact')
    expect(events[0]?.data).toEqual({
      sections: [
        'Case summary',
        'Customer impact',
        'Relevant history',
        'Needed expertise',
        'Customer update',
        'Post-incident notes',
      ],
    })
    expect(metaMap(doc).get(PROMPTS_MIGRATED_KEY)).toBe(true)
  })

  it('runs once: a prompt written after it (by an older app) is left alone', () => {
    const doc = caseFromEarlierVersion()
    removeUneditedPrompts(doc, 'dana', at(60))
    appendParagraphs(section(doc, 'summary'), [prompt('summary')], ['italic'])
    const before = Y.encodeStateVector(doc)
    expect(removeUneditedPrompts(doc, 'dana', at(61))).toBe(0)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(removedEvents(doc)).toHaveLength(1)
  })

  it('is done only by the case owner', () => {
    const doc = caseFromEarlierVersion()
    const before = Y.encodeStateVector(doc)
    expect(removeUneditedPrompts(doc, 'omar', at(60))).toBe(0)
    expect(removeUneditedPrompts(doc, 'lena', at(60))).toBe(0)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(fragmentToPlainText(section(doc, 'summary'))).toBe(prompt('summary'))
    expect(metaMap(doc).has(PROMPTS_MIGRATED_KEY)).toBe(false)
  })

  it('leaves one entry and the same text when two apps of the owner migrate at once', () => {
    const laptop = caseFromEarlierVersion()
    const desktop = copyOf(laptop)
    appendParagraphs(section(desktop, 'impact'), ['About 400 agents are locked out.'])
    removeUneditedPrompts(laptop, 'dana', at(60))
    removeUneditedPrompts(desktop, 'dana', at(61))
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(desktop))
    Y.applyUpdate(desktop, Y.encodeStateAsUpdate(laptop))
    for (const doc of [laptop, desktop]) {
      expect(removedEvents(doc)).toHaveLength(1)
      expect(fragmentToPlainText(section(doc, 'summary'))).toBe('')
      expect(fragmentToPlainText(section(doc, 'impact'))).toBe('About 400 agents are locked out.')
    }
    expect(removedEvents(laptop)).toEqual(removedEvents(desktop))
  })

  it('does nothing for a case created as it is now, which starts without prompts', () => {
    const doc = newCase()
    const before = Y.encodeStateVector(doc)
    expect(removeUneditedPrompts(doc, 'dana', at(60))).toBe(0)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(removedEvents(doc)).toEqual([])
  })

  it('leaves no prompt for the note or the reply once done', () => {
    const doc = caseFromEarlierVersion()
    removeUneditedPrompts(doc, 'dana', at(60))
    const note = caseNote(doc).text
    for (const name of SECTION_NAMES) expect(note).not.toContain(prompt(name))
    expect(customerReply(doc)).toEqual({ html: '', text: '' })
  })
})
