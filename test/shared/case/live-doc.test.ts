/**
 * A teammate's app pushed bare values into the "Relevant history" section. The editor's
 * binding for that section fails while it first draws it, after it has started listening to
 * the case; on the next change its listener throws as the transaction begins. In a plain Y.Doc
 * that leaves the document inside a transaction that never ends: what the owner types then
 * shows in the other sections but is never emitted, so it never reaches the disk.
 */
import { Schema } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { ProsemirrorBinding } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { holdsOnlyNodes } from '../../../src/shared/case/fragments/fragment-nodes'
import { LiveCaseDoc } from '../../../src/shared/case/live-doc'
import { appendParagraphs } from '../../../src/shared/case/rich-text'

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'text*' },
    text: {},
  },
})

/** The owner's copy of a case after a teammate wrote bare values into its history section. */
function receiveBareValues(doc: Y.Doc): void {
  const teammate = new Y.Doc({ gc: false })
  teammate.getArray('history').push(['str', 5])
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(teammate))
}

/** An editor bound to the section, failing as it draws it, as the room's editor does. */
function bindEditorThatFails(doc: Y.Doc): void {
  const binding = new ProsemirrorBinding(doc.getXmlFragment('history'))
  binding.initView({ state: EditorState.create({ schema }), hasFocus: () => false })
  expect(() => binding._forceRerender()).toThrow()
}

/** The updates the document emits while the owner writes into Customer impact. */
function typeImpact(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  appendParagraphs(doc.getXmlFragment('impact'), ['Finance cannot close the month or bill.'])
  return updates
}

describe('a case whose section holds values that are not text', () => {
  it('is not bound to an editor: the section holds something other than nodes', () => {
    const doc = new LiveCaseDoc()
    receiveBareValues(doc)
    expect(holdsOnlyNodes(doc.getXmlFragment('history'))).toBe(false)
    appendParagraphs(doc.getXmlFragment('impact'), ['Finance cannot close the month.'])
    expect(holdsOnlyNodes(doc.getXmlFragment('impact'))).toBe(true)
  })

  it('in a plain document, stops emitting edits once a failed editor listens to it', () => {
    const doc = new Y.Doc({ gc: false })
    receiveBareValues(doc)
    bindEditorThatFails(doc)
    expect(() => typeImpact(doc)).toThrow()
    expect(typeImpact(doc)).toEqual([])
  })

  it('as an open case, still emits every edit and reports what failed', () => {
    const failures: string[] = []
    const doc = new LiveCaseDoc((event) => failures.push(event))
    receiveBareValues(doc)
    bindEditorThatFails(doc)
    const updates = typeImpact(doc)
    expect(updates).toHaveLength(1)
    expect(failures).toContain('beforeAllTransactions')

    const saved = new Y.Doc({ gc: false })
    for (const update of updates) Y.applyUpdate(saved, update)
    expect(saved.getXmlFragment('impact').toString()).toContain(
      'Finance cannot close the month or bill.',
    )
    // The next edit starts a transaction of its own, so it is emitted too.
    expect(typeImpact(doc)).toHaveLength(1)
  })
})
