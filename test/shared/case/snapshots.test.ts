import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { approve } from '../../../src/shared/case/approval'
import { readMeta } from '../../../src/shared/case/case-doc'
import { fragmentToPlainText } from '../../../src/shared/case/rich-text'
import {
  caseAt,
  listSnapshots,
  takeSnapshot,
  snapshotOf,
  takeSnapshotIfDue,
} from '../../../src/shared/case/snapshots'
import { listActions } from '../../../src/shared/case/timeline'
import { at, copyOf, newCase, write } from './case-fixture'

describe('snapshots of the case', () => {
  it('shows the case as it was at an earlier moment', () => {
    const doc = newCase()
    write(doc, 'summary', 'Acme is charged twice.')
    const record = takeSnapshot(doc, 'dana', 'Before the fix', at(10))
    write(doc, 'summary', 'Acme was charged twice; refunds are out.')

    expect(listSnapshots(doc).at(-1)).toEqual(record)
    expect(record).toMatchObject({ at: at(10).toISOString(), by: 'dana', label: 'Before the fix' })
    const earlier = caseAt(doc, record)
    expect(fragmentToPlainText(earlier.getXmlFragment('summary'))).toBe('Acme is charged twice.')
    expect(readMeta(earlier).title).toBe('Acme: double charges')
    expect(fragmentToPlainText(doc.getXmlFragment('summary'))).toBe(
      'Acme was charged twice; refunds are out.',
    )
  })

  it('takes one at every event, showing the case as the event left it', () => {
    const doc = newCase()
    write(doc, 'customerUpdate', 'Refunds go out today.')
    approve(doc, 'dana', undefined, at(20))
    write(doc, 'customerUpdate', 'Refunds went out yesterday.')
    const record = listSnapshots(doc).find((snapshot) => snapshot.at === at(20).toISOString())
    expect(record?.label).toBe('Dana Whitfield approved the customer update.')
    const then = record && caseAt(doc, record)
    expect(then?.getMap('approval').get('state')).toBe('approved')
    expect(then && listActions(then).at(-1)?.kind).toBe('approved')
    expect(then && fragmentToPlainText(then.getXmlFragment('customerUpdate'))).toBe(
      'Refunds go out today.',
    )
  })

  it('travels to teammates with the case', () => {
    const doc = newCase()
    takeSnapshot(doc, 'dana', 'Kick-off')
    expect(listSnapshots(copyOf(doc)).map((snapshot) => snapshot.label)).toContain('Kick-off')
  })

  it('explains why a case opened with garbage collection cannot go back in time', () => {
    const doc = new Y.Doc()
    const record = takeSnapshot(doc, 'dana', 'Now')
    expect(() => caseAt(doc, record)).toThrow(/garbage collection on/)
  })

  it('refuses a damaged snapshot with a clear error', () => {
    const doc = newCase()
    const record = takeSnapshot(doc, 'dana', 'Broken')
    const damaged = { ...record, snapshot: record.snapshot.slice(0, 8) }
    expect(() => caseAt(doc, damaged)).toThrow(
      'The snapshot "Broken" is damaged and cannot be shown.',
    )
  })

  it('skips anything in the array that is not a snapshot', () => {
    const doc = newCase()
    const before = listSnapshots(doc).length
    doc.getArray('snapshots').push([{ label: 'no snapshot here' }, 42])
    expect(listSnapshots(doc)).toHaveLength(before)
  })

  it('takes a snapshot while someone types at most every five minutes, whoever typed', () => {
    const doc = newCase()
    const danaCopy = copyOf(doc)
    const before = listSnapshots(doc).length
    expect(takeSnapshotIfDue(doc, 'omar', 'Omar was typing', at(30))).toBe(true)
    expect(takeSnapshotIfDue(doc, 'omar', 'Omar was typing', at(33))).toBe(false)
    Y.applyUpdate(danaCopy, Y.encodeStateAsUpdate(doc))
    expect(takeSnapshotIfDue(danaCopy, 'dana', 'Dana was typing', at(34))).toBe(false)
    expect(takeSnapshotIfDue(danaCopy, 'dana', 'Dana was typing', at(35))).toBe(true)
    expect(
      listSnapshots(danaCopy)
        .slice(before)
        .map((snapshot) => snapshot.label),
    ).toEqual(['Omar was typing', 'Dana was typing'])
  })

  it("keeps the owner's first words even right after a moment of the still empty case", () => {
    const doc = newCase()
    takeSnapshot(doc, 'dana', 'Dana changed the status', at(30))
    write(doc, 'summary', 'Acme is charged twice.')
    expect(takeSnapshotIfDue(doc, 'dana', 'Dana was writing in Case summary', at(31))).toBe(true)
    const first = listSnapshots(doc).at(-1)
    expect(first && fragmentToPlainText(caseAt(doc, first).getXmlFragment('summary'))).toBe(
      'Acme is charged twice.',
    )
    write(doc, 'summary', 'Acme is charged twice since Monday.')
    expect(takeSnapshotIfDue(doc, 'dana', 'Dana was writing in Case summary', at(32))).toBe(false)
  })

  it('is not held back by a snapshot dated in the future or a damaged last entry', () => {
    const doc = newCase()
    takeSnapshot(doc, 'omar', 'From a fast clock', at(600))
    expect(takeSnapshotIfDue(doc, 'dana', 'Typing', at(30))).toBe(true)
    doc.getArray('snapshots').push([{ label: 'damaged' }])
    expect(takeSnapshotIfDue(doc, 'dana', 'Typing', at(31))).toBe(false)
  })

  it('will not show a moment whose changes have not all reached this copy yet', () => {
    const doc = newCase()
    const ahead = copyOf(doc)
    write(ahead, 'summary', 'Written on a copy that has not synced yet.')
    const record = takeSnapshot(ahead, 'omar', 'Ahead')
    expect(snapshotOf(ahead, record).sv.size).toBeGreaterThan(0)
    expect(() => snapshotOf(doc, record)).toThrow(
      'The case as it was at "Ahead" has not fully reached this computer yet.',
    )
  })
})
