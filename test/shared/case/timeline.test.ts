import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { ActionInput } from '../../../src/shared/case/timeline'
import {
  actionsArray,
  addAction,
  deleteAction,
  editAction,
  filterActions,
  listActions,
  logEvent,
} from '../../../src/shared/case/timeline'
import { listSnapshots } from '../../../src/shared/case/snapshots'
import { copyOf, sync } from './case-fixture'

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

  it('logs app events with their data and keeps a snapshot of the moment', () => {
    const doc = new Y.Doc({ gc: false })
    const now = new Date('2026-11-20T12:00:00Z')
    const id = logEvent(
      doc,
      'dana',
      'status-changed',
      'Dana moved the case to Swarming.',
      {
        from: 'triage',
        to: 'swarming',
      },
      { now },
    )
    expect(listActions(doc)).toEqual([
      {
        id,
        time: '2026-11-20T12:00:00.000Z',
        author: 'dana',
        kind: 'status-changed',
        text: 'Dana moved the case to Swarming.',
        outcome: '',
        data: { from: 'triage', to: 'swarming' },
      },
    ])
    expect(listSnapshots(doc)).toMatchObject([
      { at: '2026-11-20T12:00:00.000Z', by: 'dana', label: 'Dana moved the case to Swarming.' },
    ])
  })

  it('shows an event two members logged at once under one id only once', () => {
    const first = new Y.Doc({ gc: false })
    const second = copyOf(first)
    logEvent(first, 'dana', 'approval-withdrawn', 'Withdrawn (seen by Dana).', {}, { id: 'w:1' })
    logEvent(second, 'omar', 'approval-withdrawn', 'Withdrawn (seen by Omar).', {}, { id: 'w:1' })
    sync(first, second)
    expect(actionsArray(first).length).toBe(2)
    expect(listActions(first)).toHaveLength(1)
    expect(listActions(second)).toEqual(listActions(first))
    logEvent(first, 'dana', 'approval-withdrawn', 'Once more.', {}, { id: 'w:1' })
    expect(actionsArray(first).length).toBe(2)
  })

  it('never lets anyone edit or delete an event, not even its author', () => {
    const doc = new Y.Doc()
    const id = logEvent(doc, 'dana', 'approved', 'Dana approved the update.', { hash: 'abc' })
    expect(() => editAction(doc, id, 'dana', { text: 'Nothing happened' })).toThrow(
      /cannot be edited or deleted/,
    )
    expect(() => deleteAction(doc, id, 'dana')).toThrow(/cannot be edited or deleted/)
    expect(listActions(doc)[0]?.text).toBe('Dana approved the update.')
  })

  it('takes only the kinds people write from the timeline form', () => {
    const doc = new Y.Doc()
    const input = { kind: 'approved', text: 'Approved it myself', outcome: '' }
    expect(() => addAction(doc, 'omar', input as unknown as ActionInput)).toThrow()
    expect(listActions(doc)).toEqual([])
  })

  it('filters entries by kind and by author', () => {
    const doc = new Y.Doc()
    addAction(doc, 'dana', { kind: 'tried', text: 'Resynced invoices', outcome: '' })
    addAction(doc, 'omar', { kind: 'found', text: 'Proration ran twice', outcome: '' })
    addAction(doc, 'omar', { kind: 'tried', text: 'Voided the duplicate', outcome: '' })
    const entries = listActions(doc)
    const texts = (list: typeof entries): string[] => list.map((entry) => entry.text)
    expect(texts(filterActions(entries, { kinds: ['tried'] }))).toEqual([
      'Resynced invoices',
      'Voided the duplicate',
    ])
    expect(texts(filterActions(entries, { kinds: ['tried'], authors: ['omar'] }))).toEqual([
      'Voided the duplicate',
    ])
    expect(filterActions(entries, {})).toHaveLength(3)
  })
})
