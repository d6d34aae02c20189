/**
 * A case that already holds nesting far deeper than the editor writes (read from disk, say, or
 * synced before the room refused such updates) used to overflow the stack of the approval hash,
 * the internal note and the reply renderers: the window went blank. Past a depth limit they now
 * show a marker instead of the rest.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { approvalStatus } from '../../../src/shared/case/approval'
import { caseNote } from '../../../src/shared/case/documents/case-note'
import { customerReply } from '../../../src/shared/case/fragments/customer-reply'
import { fragmentToHtml } from '../../../src/shared/case/fragments/fragment-html'
import { fragmentToMarkdown } from '../../../src/shared/case/fragments/fragment-markdown'
import { fragmentToText } from '../../../src/shared/case/fragments/fragment-text'
import { sectionState } from '../../../src/shared/case/section-state'
import { fragmentToPlainText, textNodes } from '../../../src/shared/case/rich-text'
import { nestDeeply } from '../../fixtures/deep-nesting'

function deepCase(levels: number): Y.Doc {
  const doc = new Y.Doc()
  nestDeeply(doc, 'customerUpdate', levels, 'bottom of the customer update')
  nestDeeply(doc, 'summary', levels, 'bottom of the summary')
  return doc
}

describe('a case nested 20,000 levels deep', () => {
  const doc = deepCase(20_000)

  it('still hashes the customer update for approval', () => {
    const status = approvalStatus(doc)
    expect(status.currentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(approvalStatus(doc).currentHash).toBe(status.currentHash)
  })

  it('still renders the internal note and the customer reply, marking what it cut', () => {
    expect(caseNote(doc).markdown).toContain('nested too deeply')
    const reply = customerReply(doc)
    expect(reply.html).toContain('nested too deeply')
    expect(reply.text).toContain('nested too deeply')
  })

  it('still renders each section as Markdown, HTML, text and plain text', () => {
    const summary = doc.getXmlFragment('summary')
    for (const render of [fragmentToMarkdown, fragmentToHtml, fragmentToText]) {
      expect(render(summary)).toContain('nested too deeply')
    }
    expect(fragmentToPlainText(summary)).toContain('nested too deeply')
    expect(sectionState(summary)).toBe('present')
    expect(textNodes(summary)).toEqual([])
  })
})

describe('a case nested less deeply than the limit', () => {
  it('renders everything down to the bottom and hashes it as Yjs writes it', () => {
    const doc = deepCase(50)
    expect(fragmentToText(doc.getXmlFragment('summary'))).toContain('bottom of the summary')
    expect(customerReply(doc).html).toContain('bottom of the customer update')
    expect(caseNote(doc).markdown).not.toContain('nested too deeply')
    const same = new Y.Doc()
    Y.applyUpdate(same, Y.encodeStateAsUpdate(doc))
    expect(approvalStatus(same).currentHash).toBe(approvalStatus(doc).currentHash)
  })
})
