/**
 * The internal note for the ticket: the whole case as the swarm left it, so whoever opens the
 * ticket later knows what happened without the app.
 */
import type * as Y from 'yjs'
import { approvalStatus } from '../approval'
import { readMeta, section } from '../case-doc'
import { memberName, readMember, readMembers } from '../members'
import { readResponsibilities } from '../responsibilities'
import {
  EXPERTISE_NAMES,
  MEMBER_ROLE_NAMES,
  RESPONSIBILITIES,
  RESPONSIBILITY_NAMES,
  SECTION_TITLES,
  type ActionEntry,
  type SectionName,
} from '../schema'
import { keyFingerprint } from '../signatures/device-key-format'
import { listActions } from '../timeline'
import { caseFields, timelineLine } from './case-facts'
import { renderNote, type NoteBlock, type RenderedNote } from './note-blocks'

export function caseNote(doc: Y.Doc): RenderedNote {
  return renderNote(caseNoteBlocks(doc))
}

/** "Actions taken": the given timeline entries as a list, or a line saying none were logged. */
export function actionBlocks(doc: Y.Doc, entries: readonly ActionEntry[]): NoteBlock[] {
  return [
    { kind: 'heading', level: 2, text: 'Actions taken' },
    entries.length === 0
      ? { kind: 'paragraph', text: 'Nothing was logged.', emphasis: true }
      : { kind: 'list', items: entries.map((entry) => timelineLine(doc, entry)) },
  ]
}

/**
 * What every note about a case starts with: its title (after `heading`), its facts, and the
 * sections and timeline entries a reader needs first, in the order a handoff reads them.
 */
export function caseCoreBlocks(
  doc: Y.Doc,
  heading: string,
  entries: readonly ActionEntry[],
): NoteBlock[] {
  return [
    { kind: 'heading', level: 1, text: `${heading}: ${readMeta(doc).title}` },
    { kind: 'fields', fields: caseFields(doc) },
    ...sectionBlocks(doc, 'summary'),
    ...sectionBlocks(doc, 'impact'),
    ...actionBlocks(doc, entries),
    ...sectionBlocks(doc, 'history'),
    ...sectionBlocks(doc, 'expertise'),
  ]
}

export function caseNoteBlocks(doc: Y.Doc): NoteBlock[] {
  const entries = listActions(doc).filter((entry) => entry.kind !== 'joined')
  return [
    ...caseCoreBlocks(doc, 'Swarm case', entries),
    ...ownershipBlocks(doc),
    ...approvalBlocks(doc),
    ...sectionBlocks(doc, 'postIncident'),
  ]
}

/**
 * Who approved the customer reply, with their key's fingerprint, so whoever reads the ticket
 * can compare it with the fingerprint the room shows (the export refuses unverified approvals).
 */
function approvalBlocks(doc: Y.Doc): NoteBlock[] {
  const status = approvalStatus(doc)
  if (!status.valid || status.approvedBy === undefined) return []
  const key = readMember(doc, status.approvedBy)?.publicKey
  const signedWith = key ? `key ${keyFingerprint(key)}` : 'no device key'
  return [
    { kind: 'heading', level: 2, text: 'Approval of the customer reply' },
    {
      kind: 'paragraph',
      text: `Approved by ${memberName(doc, status.approvedBy)} (${signedWith}) at ${status.approvedAt ?? 'an unknown time'}.`,
    },
  ]
}

export function sectionBlocks(doc: Y.Doc, name: SectionName): NoteBlock[] {
  return [
    { kind: 'heading', level: 2, text: SECTION_TITLES[name] },
    { kind: 'section', fragment: section(doc, name), empty: 'Not written.' },
  ]
}

function ownershipBlocks(doc: Y.Doc): NoteBlock[] {
  const responsibilities = readResponsibilities(doc)
  const members = [...readMembers(doc).values()].map((member) => {
    const expertise = member.expertise === '' ? '' : `, ${EXPERTISE_NAMES[member.expertise]}`
    return `${member.name}: ${MEMBER_ROLE_NAMES[member.role]}${expertise}`
  })
  return [
    { kind: 'heading', level: 2, text: 'Ownership and responsibilities' },
    {
      kind: 'fields',
      fields: RESPONSIBILITIES.map((key) => [
        RESPONSIBILITY_NAMES[key],
        memberName(doc, responsibilities[key]),
      ]),
    },
    { kind: 'heading', level: 3, text: 'Swarm members' },
    { kind: 'list', items: members },
  ]
}
