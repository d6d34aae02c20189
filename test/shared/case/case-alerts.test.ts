/**
 * Desktop notifications come from changes teammates make to the shared case. Each teammate is
 * a separate Y.Doc here, synced as the network would, so a mention typed on Omar's copy is
 * noticed on Priya's, and nobody is told about what they did themselves.
 */
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { approve, recordWithdrawal, requestReview } from '../../../src/shared/case/approval'
import { registerAuthor } from '../../../src/shared/case/authorship'
import { handOff } from '../../../src/shared/case/handoff'
import { offerOwnership } from '../../../src/shared/case/ownership'
import {
  AlertWatch,
  alertsFor,
  MAX_SEPARATE_NOTICES,
  noticesForAlerts,
  type CaseAlert,
} from '../../../src/shared/case/case-alerts'
import { addAction, editAction } from '../../../src/shared/case/timeline'
import { at, copyOf, firstText, newCase, sync, write } from './case-fixture'

/** Dana's, Omar's and Priya's copies of one case, each writing as its member. */
function swarm(): Record<'dana' | 'omar' | 'priya', Y.Doc> {
  const dana = newCase()
  registerAuthor(dana, 'dana')
  write(dana, 'summary', 'Acme is charged twice.')
  const omar = copyOf(dana)
  registerAuthor(omar, 'omar')
  const priya = copyOf(dana)
  registerAuthor(priya, 'priya')
  sync(dana, omar)
  sync(dana, priya)
  sync(omar, priya)
  return { dana, omar, priya }
}

function syncAll(docs: Record<string, Y.Doc>): void {
  const all = Object.values(docs)
  for (const a of all) for (const b of all) if (a !== b) sync(a, b)
}

function titles(alerts: readonly CaseAlert[]): string[] {
  return alerts.map((alert) => alert.title)
}

describe('alerts for desktop notifications', () => {
  it('tells a member a teammate mentioned them in a section, once, with the words around it', () => {
    const docs = swarm()
    const watch = new AlertWatch(docs.priya, 'priya')
    const text = firstText(docs.omar, 'summary')
    text.insert(text.length, ' @Priya Raman can you check the proration job?')
    syncAll(docs)

    const [alert, ...rest] = watch.takeNew()
    expect(rest).toEqual([])
    expect(alert).toMatchObject({
      kind: 'mention',
      by: 'omar',
      title: 'Omar mentioned you in Case summary',
      place: { kind: 'section', section: 'summary' },
    })
    expect(alert?.body).toContain('@Priya Raman can you check')
    expect(watch.takeNew()).toEqual([])
  })

  it('does not repeat a mention when the words around it change, nor on another copy', () => {
    const docs = swarm()
    const text = firstText(docs.omar, 'summary')
    text.insert(0, '@priya raman: ')
    syncAll(docs)
    const before = alertsFor(docs.priya, 'priya').map((alert) => alert.key)

    firstText(docs.dana, 'summary').insert(text.length, ' Refunds are queued.')
    text.insert(0, 'Update: ')
    syncAll(docs)
    expect(alertsFor(docs.priya, 'priya').map((alert) => alert.key)).toEqual(before)
    expect(alertsFor(docs.omar, 'priya').map((alert) => alert.key)).toEqual(before)
  })

  it('never alerts a member about a mention they typed, or one of someone else', () => {
    const docs = swarm()
    const watch = new AlertWatch(docs.priya, 'priya')
    firstText(docs.priya, 'summary').insert(0, 'Note to self @Priya Raman: ')
    firstText(docs.omar, 'summary').insert(0, '@Dana Whitfield please look. ')
    syncAll(docs)
    expect(watch.takeNew()).toEqual([])
    expect(titles(alertsFor(docs.dana, 'dana'))).toEqual(['Omar mentioned you in Case summary'])
  })

  it('notices a mention typed again after it was deleted', () => {
    const docs = swarm()
    const watch = new AlertWatch(docs.priya, 'priya')
    const text = firstText(docs.omar, 'summary')
    text.insert(0, '@Priya Raman ')
    syncAll(docs)
    expect(watch.takeNew()).toHaveLength(1)
    text.delete(0, 13)
    syncAll(docs)
    expect(watch.takeNew()).toEqual([])
    text.insert(0, '@Priya Raman ')
    syncAll(docs)
    expect(watch.takeNew()).toHaveLength(1)
  })

  it("tells a member about a mention in a teammate's timeline entry, also after an edit", () => {
    const docs = swarm()
    const watch = new AlertWatch(docs.priya, 'priya')
    const id = addAction(docs.omar, 'omar', { kind: 'note', text: 'Asked billing', outcome: '' })
    syncAll(docs)
    expect(watch.takeNew()).toEqual([])

    editAction(docs.omar, id, 'omar', { outcome: '@Priya Raman to confirm' })
    syncAll(docs)
    expect(watch.takeNew()).toEqual([
      expect.objectContaining({
        title: 'Omar mentioned you in the timeline',
        body: 'Asked billing (@Priya Raman to confirm)',
        place: { kind: 'action', id },
      }),
    ])
    addAction(docs.priya, 'priya', { kind: 'note', text: 'Thanks @Omar', outcome: '' })
    syncAll(docs)
    expect(watch.takeNew()).toEqual([])
  })

  it('tells the owner a review was requested, and the requester about approval and withdrawal', () => {
    const docs = swarm()
    const owner = new AlertWatch(docs.dana, 'dana')
    const requester = new AlertWatch(docs.omar, 'omar')
    const bystander = new AlertWatch(docs.priya, 'priya')
    write(docs.omar, 'customerUpdate', 'We are refunding the duplicate charges today.')
    requestReview(docs.omar, 'omar', at(10))
    syncAll(docs)
    expect(owner.takeNew()).toEqual([
      expect.objectContaining({
        kind: 'review-requested',
        title: 'Omar asked you to review the customer update',
        place: { kind: 'section', section: 'customerUpdate' },
      }),
    ])

    approve(docs.dana, 'dana', undefined, at(20))
    syncAll(docs)
    expect(titles(requester.takeNew())).toEqual(['Dana Whitfield approved the customer update'])

    write(docs.priya, 'customerUpdate', 'We refunded the duplicate charges.')
    syncAll(docs)
    // Dana's copy notices the stale approval and logs the withdrawal.
    recordWithdrawal(docs.dana, 'dana', at(30))
    syncAll(docs)
    expect(requester.takeNew()).toEqual([
      expect.objectContaining({
        kind: 'approval-withdrawn',
        title: 'The approval of the customer update was withdrawn',
      }),
    ])
    expect(owner.takeNew()).toEqual([])
    expect(bystander.takeNew()).toEqual([])
  })

  it('tells a member ownership was offered to them and that the case was handed off to them', () => {
    const docs = swarm()
    const omar = new AlertWatch(docs.omar, 'omar')
    const priya = new AlertWatch(docs.priya, 'priya')
    offerOwnership(docs.dana, 'dana', 'omar', at(10))
    handOff(docs.dana, 'dana', { to: 'priya', acknowledgeGaps: true, now: at(20) })
    syncAll(docs)
    expect(omar.takeNew()).toEqual([
      expect.objectContaining({
        kind: 'ownership-offered',
        title: 'Dana Whitfield offered you ownership of the case',
        place: { kind: 'action', id: expect.any(String) },
      }),
    ])
    expect(titles(priya.takeNew())).toEqual(['Dana Whitfield handed the case off to you'])
    expect(new AlertWatch(docs.dana, 'dana').takeNew()).toEqual([])
  })

  it('gathers many alerts that arrive together into one notification', () => {
    const docs = swarm()
    const watch = new AlertWatch(docs.priya, 'priya')
    for (let index = 0; index <= MAX_SEPARATE_NOTICES; index++) {
      addAction(docs.omar, 'omar', {
        kind: 'note',
        text: `@Priya Raman item ${index}`,
        outcome: '',
      })
    }
    syncAll(docs)
    const alerts = watch.takeNew()
    expect(alerts).toHaveLength(MAX_SEPARATE_NOTICES + 1)
    const notices = noticesForAlerts(alerts, 'Acme: double charges')
    expect(notices).toEqual([
      {
        title: `${MAX_SEPARATE_NOTICES + 1} things need you in "Acme: double charges"`,
        body: Array(MAX_SEPARATE_NOTICES).fill('Omar mentioned you in the timeline').join('\n'),
        place: alerts[0]?.place,
      },
    ])
    expect(noticesForAlerts(alerts.slice(0, 1), 'Acme')).toEqual([
      {
        title: 'Omar mentioned you in the timeline ("Acme")',
        body: '@Priya Raman item 0',
        place: alerts[0]?.place,
      },
    ])
  })

  it('has nothing for someone who is not a member of the case', () => {
    const docs = swarm()
    firstText(docs.omar, 'summary').insert(0, '@Priya Raman ')
    expect(alertsFor(docs.omar, 'stranger')).toEqual([])
  })
})
