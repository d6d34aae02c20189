/**
 * A live incident used to stay in Triage forever: nobody moved it once the swarm had started.
 * The owner is now offered the move when a teammate has joined, and asked only once.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { initializeCase, readMeta } from '../../../src/shared/case/case-doc'
import { joinCase } from '../../../src/shared/case/members'
import { setStatus } from '../../../src/shared/case/status'
import {
  acceptSwarmingOffer,
  declineSwarmingOffer,
  swarmingOfferFor,
} from '../../../src/shared/case/swarming-offer'
import { filterActions, listActions } from '../../../src/shared/case/timeline'
import { acmeCase, copyOf, dana, omar, sync } from './case-fixture'

function danaCase(): Y.Doc {
  const doc = new Y.Doc({ gc: false })
  initializeCase(doc, acmeCase, dana)
  return doc
}

describe('offering to move a case from Triage to Swarming', () => {
  it('asks nobody while the owner is alone in the case', () => {
    expect(swarmingOfferFor(danaCase(), 'dana')).toEqual([])
  })

  it('asks the owner, and only the owner, once a teammate has joined', () => {
    const doc = danaCase()
    joinCase(doc, omar, 'contributor')
    expect(swarmingOfferFor(doc, 'dana')).toEqual(['Omar'])
    expect(swarmingOfferFor(doc, 'omar')).toEqual([])
  })

  it('moves the case to Swarming when accepted, logged as a status change', () => {
    const doc = danaCase()
    joinCase(doc, omar, 'contributor')
    acceptSwarmingOffer(doc, 'dana')
    expect(readMeta(doc).status).toBe('swarming')
    const changes = filterActions(listActions(doc), { kinds: ['status-changed'] })
    expect(changes.map((entry) => entry.text)).toEqual([
      'Dana Whitfield moved the case from Triage to Swarming.',
    ])
    expect(swarmingOfferFor(doc, 'dana')).toEqual([])
  })

  it('keeps the case in Triage when declined and does not ask again, on any of the owner’s windows', () => {
    const doc = danaCase()
    joinCase(doc, omar, 'contributor')
    const otherWindow = copyOf(doc)
    declineSwarmingOffer(doc, 'dana')
    sync(doc, otherWindow)
    expect(readMeta(doc).status).toBe('triage')
    expect(swarmingOfferFor(otherWindow, 'dana')).toEqual([])
    joinCase(doc, { memberId: 'priya', name: 'Priya', color: '#047857' }, 'contributor')
    expect(swarmingOfferFor(doc, 'dana')).toEqual([])
  })

  it('does not ask once the status has moved on', () => {
    const doc = danaCase()
    joinCase(doc, omar, 'contributor')
    setStatus(doc, 'dana', 'resolved')
    expect(swarmingOfferFor(doc, 'dana')).toEqual([])
  })

  it('lets only the owner decline it', () => {
    const doc = danaCase()
    joinCase(doc, omar, 'contributor')
    expect(() => declineSwarmingOffer(doc, 'omar')).toThrow('Only the case owner can')
    expect(() => acceptSwarmingOffer(doc, 'omar')).toThrow('Only the case owner or a lead can')
  })
})
