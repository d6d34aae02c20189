import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  actionsArray,
  addAction,
  deleteAction,
  editAction,
  listActions,
} from '../../../src/shared/case/timeline'

describe('the actions-taken timeline', () => {
  it('keeps entries in the order they were added, with author and time', () => {
    const doc = new Y.Doc()
    const first = addAction(
      doc,
      'dana',
      { kind: 'tried', text: 'Resynced invoices', outcome: 'No change' },
      new Date('2026-11-20T10:00:00Z'),
    )
    addAction(
      doc,
      'omar',
      { kind: 'found', text: 'Proration ran twice', outcome: '' },
      new Date('2026-11-20T10:05:00Z'),
    )
    const entries = listActions(doc)
    expect(entries.map((entry) => entry.text)).toEqual(['Resynced invoices', 'Proration ran twice'])
    expect(entries[0]).toEqual({
      id: first,
      time: '2026-11-20T10:00:00.000Z',
      author: 'dana',
      kind: 'tried',
      text: 'Resynced invoices',
      outcome: 'No change',
    })
  })

  it('lets the author edit an entry and marks it as edited', () => {
    const doc = new Y.Doc()
    const id = addAction(doc, 'dana', { kind: 'note', text: 'Called Acme', outcome: '' })
    editAction(
      doc,
      id,
      'dana',
      { text: 'Called Acme finance', kind: 'customer-contact' },
      new Date('2026-11-20T11:00:00Z'),
    )
    expect(listActions(doc)[0]).toMatchObject({
      text: 'Called Acme finance',
      kind: 'customer-contact',
      editedAt: '2026-11-20T11:00:00.000Z',
    })
  })

  it("refuses to edit or delete someone else's entry", () => {
    const doc = new Y.Doc()
    const id = addAction(doc, 'dana', { kind: 'note', text: 'Mine', outcome: '' })
    expect(() => editAction(doc, id, 'omar', { text: 'Hijacked' })).toThrow(/Only the author/)
    expect(() => deleteAction(doc, id, 'omar')).toThrow(/Only the author/)
    expect(listActions(doc)[0]?.text).toBe('Mine')
  })

  it('deletes the author’s own entry', () => {
    const doc = new Y.Doc()
    const keep = addAction(doc, 'dana', { kind: 'note', text: 'Keep', outcome: '' })
    const drop = addAction(doc, 'dana', { kind: 'note', text: 'Drop', outcome: '' })
    deleteAction(doc, drop, 'dana')
    expect(listActions(doc).map((entry) => entry.id)).toEqual([keep])
  })

  it('rejects an entry without text', () => {
    const doc = new Y.Doc()
    expect(() => addAction(doc, 'dana', { kind: 'note', text: '   ', outcome: '' })).toThrow()
    expect(listActions(doc)).toEqual([])
  })

  it('skips anything a peer put in the array that is not a timeline entry', () => {
    const doc = new Y.Doc()
    addAction(doc, 'dana', { kind: 'note', text: 'Real', outcome: '' })
    const junk = new Y.Map<unknown>()
    junk.set('kind', 'note')
    actionsArray(doc).push([junk])
    expect(listActions(doc).map((entry) => entry.text)).toEqual(['Real'])
  })
})
