/**
 * Everyone holding a room key can write anything into a case. A teammate's app with a bug, or
 * a script, once stored a member that was a string: reading it threw, React unmounted the whole
 * window, reopening the case did it again, and the export's note could not be written. These
 * tests write such values into a real Y.Doc, send them to a teammate's copy as the network
 * would, and check that every reader skips what it cannot read, says so, and shows the rest.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { approvalStatus, approve, requestReview } from '../../../src/shared/case/approval'
import { metaMap, readMeta } from '../../../src/shared/case/case-doc'
import { alertsFor } from '../../../src/shared/case/case-alerts'
import { caseNote } from '../../../src/shared/case/documents/case-note'
import { exportsArray, listExports, writeExport } from '../../../src/shared/case/exports'
import { customerReply } from '../../../src/shared/case/fragments/customer-reply'
import { handoffNote } from '../../../src/shared/case/handoff'
import {
  joinCase,
  memberName,
  membersMap,
  readMember,
  readMembers,
} from '../../../src/shared/case/members'
import { mentionsOf } from '../../../src/shared/case/mentions'
import { offerOwnership, readOwnershipOffer } from '../../../src/shared/case/ownership'
import { readResponsibilities } from '../../../src/shared/case/responsibilities'
import {
  addReviewComment,
  anchorsInText,
  listReviewComments,
  reviewCommentsArray,
} from '../../../src/shared/case/review'
import { listSnapshots, snapshotsArray } from '../../../src/shared/case/snapshots'
import {
  listSuggestions,
  suggestChange,
  suggestionsArray,
} from '../../../src/shared/case/suggestions'
import { readTicketSeen, writeTicketSeen } from '../../../src/shared/case/ticket-seen'
import { actionsArray, addAction, listActions } from '../../../src/shared/case/timeline'
import type { Unreadable } from '../../../src/shared/case/unreadable'
import { unreadableNotice, unreadableValues } from '../../../src/shared/case/unreadable-values'
import { listUpdates, markSent, updatesArray } from '../../../src/shared/case/updates'
import { at, copyOf, dana, firstText, newCase, omar, sync, write } from './case-fixture'

/** A case with something in every part, as a swarm leaves it. */
function busyCase(): Y.Doc {
  const doc = newCase()
  write(doc, 'summary', 'Acme is charged twice after a plan change.')
  write(doc, 'impact', 'Finance cannot close the month.')
  write(doc, 'customerUpdate', 'We are reversing the duplicate charges today.')
  addAction(doc, 'omar', { kind: 'found', text: 'Proration ran twice', outcome: 'Root cause' })
  requestReview(doc, 'omar', at(10))
  approve(doc, 'dana', undefined, at(11))
  markSent(doc, 'dana', { via: 'manual', now: at(12) })
  requestReview(doc, 'omar', at(13))
  suggestChange(doc, 'priya', { find: 'today', replace: 'this morning' }, at(14))
  writeExport(doc, {
    ...{ id: 'export-1', at: at(15).toISOString(), by: 'dana', system: 'zendesk' },
    ...{ ticketId: '48213', parts: 'note', state: 'sent', noteId: '7001' },
  })
  addReviewComment(doc, 'lena', {
    section: 'summary',
    ...anchorsInText(firstText(doc, 'summary'), 0, 4),
    quote: 'Acme',
    text: 'Which Acme account?',
  })
  writeTicketSeen(doc, {
    ...{ ticketId: '48213', subject: 'Charged twice', requester: 'Maria', status: 'open' },
    ...{ updatedAt: '', readAt: at(16).toISOString(), lastCommentId: '' },
  })
  offerOwnership(doc, 'dana', 'omar', at(17))
  return doc
}

/** What a teammate's app writes, arriving in our copy of the case as an update. */
function fromTeammate(doc: Y.Doc, write: (theirs: Y.Doc) => void): void {
  const theirs = copyOf(doc)
  write(theirs)
  sync(theirs, doc)
}

function reported(read: (onUnreadable: (unreadable: Unreadable) => void) => unknown): string[] {
  const found: string[] = []
  read((unreadable) => found.push(`${unreadable.part}:${unreadable.key}`))
  return found
}

function spoiledEntry(values: Record<string, unknown>): Y.Map<unknown> {
  const entry = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(values)) entry.set(key, value)
  return entry
}

describe('reading a case a teammate wrote nonsense into', () => {
  it('skips members that are a string, a number, null or a list, and keeps the others', () => {
    const doc = newCase()
    fromTeammate(doc, (theirs) => {
      membersMap(theirs).set('x', 'str')
      membersMap(theirs).set('y', 42)
      membersMap(theirs).set('z', null)
      membersMap(theirs).set('w', ['Mallory'])
    })
    const members = readMembers(doc)
    expect([...members.keys()].sort()).toEqual(['dana', 'lena', 'omar', 'otto', 'priya'])
    expect(reported((onUnreadable) => readMembers(doc, onUnreadable)).sort()).toEqual([
      'members:w',
      'members:x',
      'members:y',
      'members:z',
    ])
  })

  it('reads a member whose entry was spoiled as no member, and writes them afresh on opening', () => {
    const doc = newCase()
    fromTeammate(doc, (theirs) => membersMap(theirs).set('omar', 'str'))
    expect(readMember(doc, 'omar')).toBeUndefined()
    expect(memberName(doc, 'omar')).toBe('Unknown member')
    joinCase(doc, omar, 'contributor')
    expect(readMember(doc, 'omar')).toMatchObject({ name: 'Omar', role: 'contributor' })
    expect(listActions(doc).filter((entry) => entry.id === 'joined:omar')).toHaveLength(1)
  })

  it('reports a member field in the wrong type, which reads as its default', () => {
    const doc = newCase()
    fromTeammate(doc, (theirs) => membersMap(theirs).set('m', { name: 7, role: 'king' }))
    expect(readMembers(doc).get('m')).toMatchObject({ name: 'Unknown member', role: 'contributor' })
    expect(reported((onUnreadable) => readMembers(doc, onUnreadable))).toEqual([
      'members:m.name',
      'members:m.role',
    ])
  })

  it('skips timeline entries that are strings, numbers, lists or maps with wrong field types', () => {
    const doc = newCase()
    const before = listActions(doc)
    fromTeammate(doc, (theirs) => {
      actionsArray(theirs).push(['str', 5, [1, 2], null] as unknown as Y.Map<unknown>[])
      actionsArray(theirs).push([spoiledEntry({ id: 9, kind: 'found', text: 'no id' })])
      actionsArray(theirs).push([
        spoiledEntry({ id: 'odd', time: 3, kind: 'found', text: {}, data: 'x' }),
      ])
      const nested = new Y.Array<unknown>()
      actionsArray(theirs).push([nested as unknown as Y.Map<unknown>])
    })
    const entries = listActions(doc)
    expect(entries.slice(0, before.length)).toEqual(before)
    expect(entries.at(-1)).toMatchObject({ id: 'odd', time: '', kind: 'found', text: '' })
    expect(entries.at(-1)).not.toHaveProperty('data')
    const base = before.length
    expect(reported((onUnreadable) => listActions(doc, onUnreadable))).toEqual([
      ...[0, 1, 2, 3, 4].map((offset) => `actions:${base + offset}`),
      `actions:${base + 5}.time`,
      `actions:${base + 5}.text`,
      `actions:${base + 5}.data`,
      `actions:${base + 6}`,
    ])
  })

  it('reads a meta written with wrong types as its defaults, naming each field', () => {
    const doc = newCase()
    fromTeammate(doc, (theirs) => {
      const meta = metaMap(theirs)
      meta.set('title', 5)
      meta.set('ticket', 'zendesk 48213')
      meta.set('status', { to: 'resolved' })
      meta.set('ownerId', ['dana'])
      meta.set('ownershipOffer', 'omar')
      meta.set('responsibilities', 'everyone')
      meta.set('ticketSeen', [1])
    })
    expect(readMeta(doc)).toMatchObject({
      title: 'Untitled case',
      ticket: { system: 'other', id: '', url: '' },
      status: 'triage',
      ownerId: '',
      customer: 'Acme Corp',
      priority: 'urgent',
    })
    expect(readOwnershipOffer(doc)).toBeNull()
    expect(readTicketSeen(doc)).toBeUndefined()
    expect(readResponsibilities(doc).engineering).toBe('')
    expect(unreadableValues(doc).map(({ part, key }) => `${part}:${key}`)).toEqual([
      'meta:title',
      'meta:ticket',
      'meta:status',
      'meta:ownerId',
      'meta:ownershipOffer',
      'meta:ticketSeen',
    ])
  })

  it('skips what is not an update, an export, a suggestion, a comment or a snapshot', () => {
    const doc = busyCase()
    const good = {
      updates: listUpdates(doc),
      exports: listExports(doc),
      suggestions: listSuggestions(doc),
      comments: listReviewComments(doc),
      snapshots: listSnapshots(doc),
      approval: approvalStatus(doc),
    }
    fromTeammate(doc, (theirs) => {
      const junk = ['str', 7, [1], null] as unknown as Y.Map<unknown>[]
      updatesArray(theirs).push([...junk, spoiledEntry({ id: 'u', sentAt: 5 })])
      exportsArray(theirs).push([...junk, spoiledEntry({ id: '' })])
      suggestionsArray(theirs).push([...junk, spoiledEntry({ id: 's', find: 3 })])
      reviewCommentsArray(theirs).push([...junk, spoiledEntry({ id: 'c', section: 'nowhere' })])
      snapshotsArray(theirs).push([...junk, { at: 5, snapshot: '' }])
    })
    expect(listUpdates(doc)).toEqual(good.updates)
    expect(listExports(doc)).toEqual(good.exports)
    expect(listSuggestions(doc)).toEqual(good.suggestions)
    expect(listReviewComments(doc)).toEqual(good.comments)
    expect(listSnapshots(doc)).toEqual(good.snapshots)
    expect(approvalStatus(doc)).toEqual(good.approval)
    const parts = unreadableValues(doc).map((unreadable) => unreadable.part)
    for (const part of ['updates', 'exports', 'suggestions', 'reviewComments', 'snapshots']) {
      expect(parts.filter((found) => found === part)).toHaveLength(5)
    }
  })

  it('reads an approval state in the wrong type as a draft, and says so', () => {
    const doc = newCase()
    fromTeammate(doc, (theirs) => {
      theirs.getMap('approval').set('state', 5)
      theirs.getMap('approval').set('contentHash', {})
    })
    expect(approvalStatus(doc)).toMatchObject({ state: 'draft', valid: false })
    expect(approvalStatus(doc)).not.toHaveProperty('contentHash')
    expect(reported((onUnreadable) => approvalStatus(doc, onUnreadable))).toEqual([
      'approval:state',
      'approval:contentHash',
    ])
  })

  it('finds nothing unreadable in a case the app wrote', () => {
    const doc = busyCase()
    expect(unreadableValues(doc)).toEqual([])
    expect(unreadableValues(copyOf(doc))).toEqual([])
    expect(unreadableValues(new Y.Doc())).toEqual([])
  })

  it('names the case in the notice', () => {
    expect(unreadableNotice('Acme: double charges')).toBe(
      'Some of what a teammate wrote into “Acme: double charges” could not be read and is not shown.',
    )
  })
})

describe('notes and notifications of a case a teammate wrote nonsense into', () => {
  function spoiled(): Y.Doc {
    const doc = busyCase()
    fromTeammate(doc, (theirs) => {
      membersMap(theirs).set('x', 'str')
      membersMap(theirs).set('priya', 17)
      actionsArray(theirs).push(['str', 5] as unknown as Y.Map<unknown>[])
      actionsArray(theirs).push([spoiledEntry({ id: 'odd', kind: 'tried', text: {} })])
    })
    return doc
  }

  it('renders the note for the ticket with everything that can be read', () => {
    const note = caseNote(spoiled())
    expect(note.markdown).toContain('# Swarm case: Acme: double charges')
    expect(note.markdown).toContain('Acme is charged twice after a plan change.')
    expect(note.markdown).toContain('Finance cannot close the month.')
    expect(note.markdown).toContain('Omar · Found: Proration ran twice')
    expect(note.markdown).toContain('Dana Whitfield: Case owner')
    expect(note.markdown).not.toContain('Priya Raman')
    expect(note.html).toContain('<h1>Swarm case: Acme: double charges</h1>')
    expect(note.text).toContain('Finance cannot close the month.')
  })

  it('renders the note and the customer reply an export sends together', () => {
    const doc = spoiled()
    const note = caseNote(doc)
    const reply = customerReply(doc)
    expect(note.text).toContain('Swarm case: Acme: double charges')
    expect(reply.text).toBe('We are reversing the duplicate charges today.')
    expect(reply.html).toBe('<p>We are reversing the duplicate charges today.</p>')
  })

  it('renders the handoff note when the owner’s own entry is spoiled', () => {
    const doc = busyCase()
    fromTeammate(doc, (theirs) => membersMap(theirs).set(dana.memberId, 5))
    const note = handoffNote(doc)
    expect(note).toContain('# Handoff: Acme: double charges')
    expect(note).toContain('**Case owner:** Unknown member')
    expect(note).toContain('Omar · Found: Proration ran twice')
  })

  it('still finds mentions and alerts for the members that can be read', () => {
    const doc = spoiled()
    write(doc, 'history', 'Asked @Dana Whitfield about the refund.')
    expect(mentionsOf(doc, 'dana')).toEqual([{ kind: 'section', section: 'history' }])
    expect(() => alertsFor(doc, 'dana')).not.toThrow()
  })
})
