import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  PROMPTS_MIGRATED_KEY,
  initializeCase,
  isCaseInitialized,
  metaMap,
  readMeta,
  section,
  updateMeta,
} from '../../../src/shared/case/case-doc'
import { readMembers } from '../../../src/shared/case/members'
import { appendParagraphs, fragmentToPlainText } from '../../../src/shared/case/rich-text'
import { CASE_SCHEMA_VERSION, SECTION_NAMES, type NewCase } from '../../../src/shared/case/schema'
import { sectionState } from '../../../src/shared/case/section-state'
import { sectionPrompt } from '../../../src/shared/case/templates'
import { typeInto } from './type-into'

const creator = { memberId: 'member-dana', name: 'Dana', color: '#2563eb' }
const input: NewCase = {
  title: 'Acme: double charges',
  ticket: { system: 'zendesk', id: '48213', url: 'https://acme.zendesk.com/agent/tickets/48213' },
  customer: 'Acme Corp',
  priority: 'urgent',
  swarmType: 'vip-incident',
}

describe('the case document', () => {
  it('writes meta, the creator as owner and the swarm type prompts into a new case', () => {
    const doc = new Y.Doc()
    const now = new Date('2026-11-20T09:30:00Z')
    initializeCase(doc, input, creator, now)

    expect(readMeta(doc)).toEqual({
      schemaVersion: CASE_SCHEMA_VERSION,
      title: 'Acme: double charges',
      ticket: input.ticket,
      customer: 'Acme Corp',
      priority: 'urgent',
      swarmType: 'vip-incident',
      status: 'triage',
      ownerId: 'member-dana',
      createdAt: '2026-11-20T09:30:00.000Z',
      createdBy: 'member-dana',
    })
    // Her first choice, #2563eb of the earlier palette, is that slot's colour today.
    expect(readMembers(doc).get('member-dana')).toEqual({
      name: 'Dana',
      color: '#1d4ed8',
      colorSince: '2026-11-20T09:30:00.000Z',
      role: 'owner',
      expertise: '',
    })
    expect(metaMap(doc).get(PROMPTS_MIGRATED_KEY)).toBe(true)
  })

  it('writes no prompt into any section: prompts are the editor placeholders', () => {
    const doc = new Y.Doc()
    initializeCase(doc, input, creator)
    for (const name of SECTION_NAMES) {
      expect(section(doc, name).length).toBe(0)
      expect(sectionState(section(doc, name))).toBe('missing')
    }
    expect(sectionPrompt('vip-incident', 'summary')).toBe(
      'In one sentence: what is broken for this customer, and since when?',
    )
  })

  it('gives exactly the typed text when someone types into a fresh section', () => {
    const doc = new Y.Doc()
    initializeCase(doc, input, creator)
    typeInto(section(doc, 'summary'), 'Hello')
    expect(fragmentToPlainText(section(doc, 'summary'))).toBe('Hello')
    expect(section(doc, 'summary').toJSON()).toBe('<paragraph>Hello</paragraph>')
  })

  it('leaves a section someone wrote in before the case arrived as it was', () => {
    const doc = new Y.Doc()
    appendParagraphs(section(doc, 'summary'), ['Checkout fails for every EU customer.'])
    initializeCase(doc, input, creator)
    expect(fragmentToPlainText(section(doc, 'summary'))).toBe(
      'Checkout fails for every EU customer.',
    )
  })

  it('leaves a document that already holds a case untouched', () => {
    const doc = new Y.Doc()
    initializeCase(doc, input, creator)
    const before = Y.encodeStateVector(doc)
    initializeCase(doc, { ...input, title: 'Another title' }, creator)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(readMeta(doc).title).toBe('Acme: double charges')
  })

  it('updates the editable meta fields in one transaction', () => {
    const doc = new Y.Doc()
    initializeCase(doc, input, creator)
    let transactions = 0
    doc.on('afterTransaction', () => (transactions += 1))
    updateMeta(doc, { title: 'Acme: refunds issued', status: 'resolved', priority: 'high' })
    expect(transactions).toBe(1)
    expect(readMeta(doc)).toMatchObject({
      title: 'Acme: refunds issued',
      status: 'resolved',
      priority: 'high',
    })
  })

  it("reads a peer's malformed meta values as harmless defaults", () => {
    const doc = new Y.Doc()
    const meta = metaMap(doc)
    meta.set('title', 42)
    meta.set('status', 'on-fire')
    meta.set('ticket', { system: 'myspace', id: 7 })
    meta.set('priority', null)
    const read = readMeta(doc)
    expect(read.title).toBe('Untitled case')
    expect(read.status).toBe('triage')
    expect(read.ticket).toEqual({ system: 'other', id: '', url: '' })
    expect(read.priority).toBe('normal')
    expect(isCaseInitialized(doc)).toBe(false)
  })

  it('gives every section its own XmlFragment under its public name', () => {
    const doc = new Y.Doc()
    for (const name of SECTION_NAMES) {
      appendParagraphs(section(doc, name), [`text of ${name}`])
    }
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    for (const name of SECTION_NAMES) {
      expect(fragmentToPlainText(copy.getXmlFragment(name))).toBe(`text of ${name}`)
    }
  })
})
