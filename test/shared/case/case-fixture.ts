/** A small case to test the workflow on: Dana owns it, Omar and Priya help, Lena leads. */
import * as Y from 'yjs'
import { initializeCase, section } from '../../../src/shared/case/case-doc'
import { joinCase, type MemberIdentity } from '../../../src/shared/case/members'
import { appendParagraphs } from '../../../src/shared/case/rich-text'
import type { MemberRole, NewCase, SectionName } from '../../../src/shared/case/schema'

export const OPENED = new Date('2026-11-20T09:00:00.000Z')

/** The case's clock: `minutes` after it was opened. */
export function at(minutes: number): Date {
  return new Date(OPENED.getTime() + minutes * 60_000)
}

export const dana: MemberIdentity = { memberId: 'dana', name: 'Dana Whitfield', color: '#2563eb' }
export const omar: MemberIdentity = { memberId: 'omar', name: 'Omar', color: '#db2777' }
export const priya: MemberIdentity = { memberId: 'priya', name: 'Priya Raman', color: '#059669' }
export const lena: MemberIdentity = { memberId: 'lena', name: 'Lena', color: '#d97706' }
export const otto: MemberIdentity = { memberId: 'otto', name: 'Otto', color: '#7c3aed' }

export const acmeCase: NewCase = {
  title: 'Acme: double charges',
  ticket: { system: 'zendesk', id: '48213', url: 'https://acme.zendesk.com/agent/tickets/48213' },
  customer: 'Acme Corp',
  priority: 'urgent',
  swarmType: 'vip-incident',
}

const ROLES: [MemberIdentity, MemberRole][] = [
  [omar, 'contributor'],
  [priya, 'contributor'],
  [lena, 'lead'],
  [otto, 'observer'],
]

/** A fresh case (garbage collection off, as in the app) with all five members. */
export function newCase(): Y.Doc {
  const doc = new Y.Doc({ gc: false })
  initializeCase(doc, acmeCase, dana, OPENED)
  for (const [identity, role] of ROLES) joinCase(doc, identity, role, OPENED)
  return doc
}

/** Replaces what a section holds with plain paragraphs. */
export function write(doc: Y.Doc, name: SectionName, ...paragraphs: string[]): void {
  const fragment = section(doc, name)
  doc.transact(() => {
    fragment.delete(0, fragment.length)
    appendParagraphs(fragment, paragraphs)
  })
}

/** The first text node of a section's first block. */
export function firstText(doc: Y.Doc, name: SectionName): Y.XmlText {
  const block = section(doc, name).get(0)
  if (!(block instanceof Y.XmlElement)) throw new Error(`${name} has no first block`)
  const text = block.get(0)
  if (!(text instanceof Y.XmlText)) throw new Error(`${name} has no text in its first block`)
  return text
}

/** Brings two documents to the same state, as the network would. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** A second member's copy of the case. */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}
