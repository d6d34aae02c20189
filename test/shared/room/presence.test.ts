import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readPresence, setLocalPresence, setLocalSection } from '../../../src/shared/room/presence'

function member(memberId: string, name: string): Awareness {
  const awareness = new Awareness(new Y.Doc())
  setLocalPresence(awareness, { memberId, name, color: '#2563eb', role: 'contributor' })
  return awareness
}

/** Copies every state of `from` into `to`, as a room connection does. */
function share(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...from.getStates().keys()]), 'peer')
}

describe('presence', () => {
  it('lists the others with the section they are in, not oneself', () => {
    const dana = member('dana', 'Dana Whitfield')
    const omar = member('omar', 'Omar Haddad')
    setLocalSection(omar, 'impact')
    share(omar, dana)

    expect(readPresence(dana, 'dana')).toEqual([
      {
        memberId: 'omar',
        name: 'Omar Haddad',
        color: '#2563eb',
        role: 'contributor',
        section: 'impact',
        away: false,
      },
    ])
  })

  it('announces a member again after leaving a room cleared their state', () => {
    const dana = member('dana', 'Dana')
    const omar = member('omar', 'Omar')
    omar.setLocalState(null)
    setLocalPresence(omar, { memberId: 'omar', name: 'Omar', color: '#db2777', role: 'lead' })
    share(omar, dana)

    expect(readPresence(dana, 'dana')).toMatchObject([{ memberId: 'omar', role: 'lead' }])
  })

  it('shows a member with two windows once', () => {
    const dana = member('dana', 'Dana')
    share(member('omar', 'Omar'), dana)
    share(member('omar', 'Omar'), dana)

    expect(readPresence(dana, 'dana')).toHaveLength(1)
  })

  it('skips states a peer made up that are not presence', () => {
    const dana = member('dana', 'Dana')
    const stranger = new Awareness(new Y.Doc())
    stranger.setLocalState({ user: { name: 42 }, cursor: 'x' })
    share(stranger, dana)
    const odd = new Awareness(new Y.Doc())
    odd.setLocalState({ user: { memberId: 'priya', role: 'emperor' }, section: 7, away: 'yes' })
    share(odd, dana)

    expect(readPresence(dana, 'dana')).toEqual([
      {
        memberId: 'priya',
        name: 'Unknown member',
        color: '#6b7280',
        role: 'contributor',
        section: null,
        away: false,
      },
    ])
  })

  it('shows a member whose app syncs the case in the background as away, unless here too', () => {
    const dana = member('dana', 'Dana')
    const omarAway = new Awareness(new Y.Doc())
    const omar = { memberId: 'omar', name: 'Omar', color: '#db2777', role: 'contributor' } as const
    setLocalPresence(omarAway, omar, { away: true })
    share(omarAway, dana)
    expect(readPresence(dana, 'dana')).toMatchObject([{ memberId: 'omar', away: true }])

    // The same member with the case on screen on another computer: here, whatever the order.
    const omarHere = member('omar', 'Omar')
    share(omarHere, dana)
    share(omarAway, dana)
    expect(readPresence(dana, 'dana')).toMatchObject([{ memberId: 'omar', away: false }])

    // Opening the case on screen turns the same state from away to here, section cleared.
    setLocalPresence(omarAway, omar)
    share(omarAway, dana)
    expect(omarAway.getLocalState()).toMatchObject({ away: false, section: null })
  })
})
