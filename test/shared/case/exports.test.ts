import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  exportsArray,
  findExport,
  listExports,
  writeExport,
} from '../../../src/shared/case/exports'
import type { ExportRecord } from '../../../src/shared/case/schema'
import { copyOf, newCase, sync } from './case-fixture'

const queued: ExportRecord = {
  id: 'export-1',
  at: '2026-11-20T10:00:00.000Z',
  by: 'dana',
  system: 'zendesk',
  ticketId: '48213',
  parts: 'both',
  state: 'queued',
  error: 'Rate limited by Zendesk: will try again at 10:01.',
}

describe('the exports log of a case', () => {
  it('adds a record, then brings it up to date and drops what no longer applies', () => {
    const doc = newCase()
    expect(writeExport(doc, queued)).toBe(true)
    const sent: ExportRecord = {
      ...queued,
      error: undefined,
      state: 'sent',
      noteId: '7001',
      replyId: '7002',
      sentAt: '2026-11-20T10:01:05.000Z',
    }
    expect(writeExport(doc, sent)).toBe(true)
    expect(listExports(doc)).toEqual([sent])
    expect(exportsArray(doc).length).toBe(1)
  })

  it('changes nothing when the record is already as written', () => {
    const doc = newCase()
    writeExport(doc, queued)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    expect(writeExport(doc, { ...queued })).toBe(false)
    expect(updates).toEqual([])
  })

  it('shows every member the record another member wrote, and skips what is not a record', () => {
    const dana = newCase()
    const omar = copyOf(dana)
    writeExport(dana, queued)
    omar.getArray('exports').push(['not a record'])
    sync(dana, omar)
    expect(listExports(omar)).toEqual([queued])
    expect(findExport(omar, 'export-1')?.state).toBe('queued')
  })

  it('reads a malformed field from a peer as a harmless default', () => {
    const doc = newCase()
    const entry = new Y.Map<unknown>()
    entry.set('id', 'export-2')
    entry.set('state', 'exploded')
    entry.set('parts', 42)
    exportsArray(doc).push([entry])
    expect(findExport(doc, 'export-2')).toMatchObject({
      state: 'queued',
      parts: 'both',
      system: 'other',
    })
  })
})
