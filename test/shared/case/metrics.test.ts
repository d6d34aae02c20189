import { describe, expect, it } from 'vitest'
import { approve } from '../../../src/shared/case/approval'
import { registerAuthor } from '../../../src/shared/case/authorship'
import { handOff } from '../../../src/shared/case/handoff'
import { caseMetrics } from '../../../src/shared/case/metrics'
import { acceptOwnership, offerOwnership } from '../../../src/shared/case/ownership'
import { setStatus } from '../../../src/shared/case/status'
import { addAction } from '../../../src/shared/case/timeline'
import { markSent } from '../../../src/shared/case/updates'
import { at, copyOf, newCase, sync, write } from './case-fixture'

const MINUTE = 60_000

describe('case metrics', () => {
  it('are all empty for a case that has just been opened', () => {
    expect(caseMetrics(newCase())).toEqual({
      timeToFirstUpdate: null,
      timeToResolve: null,
      contributors: 0,
      handoffs: 0,
      updatesSent: 0,
    })
  })

  it('follow a scripted case from opening to resolution', () => {
    const danaDoc = newCase()
    registerAuthor(danaDoc, 'dana')
    const priyaDoc = copyOf(danaDoc)
    registerAuthor(priyaDoc, 'priya')

    setStatus(danaDoc, 'dana', 'swarming', at(5))
    addAction(danaDoc, 'omar', { kind: 'tried', text: 'Resynced invoices', outcome: '' }, at(10))
    write(danaDoc, 'summary', 'Acme is charged twice for every plan change.')
    write(priyaDoc, 'history', 'Ticket 47100 had the same proration bug.')
    sync(danaDoc, priyaDoc)
    write(danaDoc, 'customerUpdate', 'We are refunding the duplicate charges today.')
    approve(danaDoc, 'dana', undefined, at(44))
    markSent(danaDoc, 'dana', { via: 'manual', now: at(45) })
    offerOwnership(danaDoc, 'dana', 'omar', at(60))
    acceptOwnership(danaDoc, 'omar', at(61))
    handOff(danaDoc, 'omar', { to: 'Billing tier 2', acknowledgeGaps: true, now: at(70) })
    setStatus(danaDoc, 'lena', 'resolved', at(120))
    setStatus(danaDoc, 'lena', 'swarming', at(130))
    setStatus(danaDoc, 'lena', 'resolved', at(150))

    expect(caseMetrics(danaDoc)).toEqual({
      timeToFirstUpdate: 45 * MINUTE,
      timeToResolve: 120 * MINUTE,
      // Dana and Priya wrote in sections, Omar in the timeline; Lena only changed the status.
      contributors: 3,
      handoffs: 2,
      updatesSent: 1,
    })
  })
})
