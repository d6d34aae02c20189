import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { ensureMember, joinCase, membersMap, readMembers } from '../../../src/shared/case/members'
import { filterActions, listActions } from '../../../src/shared/case/timeline'
import { copyOf, dana, newCase, omar, sync } from './case-fixture'

describe('the members of a case', () => {
  it('logs a member’s first visit as joined, and only the first', () => {
    const doc = newCase()
    joinCase(doc, { ...omar, name: 'Omar Haddad' }, 'contributor')
    const joined = filterActions(listActions(doc), { kinds: ['joined'] })
    expect(joined.filter((entry) => entry.author === 'omar')).toHaveLength(1)
    expect(joined.map((entry) => entry.text)).toContain('Omar joined the case.')
    expect(readMembers(doc).get('omar')?.name).toBe('Omar Haddad')
  })

  it('shows one joined entry when the same member opens the case in two windows at once', () => {
    const first = new Y.Doc({ gc: false })
    const second = copyOf(first)
    joinCase(first, dana, 'contributor')
    joinCase(second, dana, 'contributor')
    sync(first, second)
    expect(filterActions(listActions(first), { kinds: ['joined'] })).toHaveLength(1)
  })

  it('never changes an existing role or colour when a member opens the case again', () => {
    const doc = newCase()
    const color = readMembers(doc).get('dana')?.color
    joinCase(doc, { ...dana, color: '#000000' }, 'contributor')
    ensureMember(doc, { ...omar, name: 'Omar H.' }, 'lead')
    expect(readMembers(doc).get('dana')).toMatchObject({ role: 'owner', color })
    expect(readMembers(doc).get('omar')).toMatchObject({ role: 'contributor', name: 'Omar H.' })
  })

  it('adds a member without logging anything when the app only needs them listed', () => {
    const doc = new Y.Doc()
    ensureMember(doc, dana, 'owner')
    expect(readMembers(doc).get('dana')?.role).toBe('owner')
    expect(listActions(doc)).toEqual([])
  })

  it("reads a peer's unknown role or expertise as harmless defaults", () => {
    const doc = new Y.Doc()
    membersMap(doc).set('mallory', { name: 'Mallory', color: '#000', role: 'king', expertise: 7 })
    expect(readMembers(doc).get('mallory')).toEqual({
      name: 'Mallory',
      color: '#000',
      role: 'contributor',
      expertise: '',
    })
  })
})
