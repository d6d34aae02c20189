import { describe, expect, it } from 'vitest'
import { approvalStatus, approve } from '../../../src/shared/case/approval'
import { filterActions, listActions } from '../../../src/shared/case/timeline'
import {
  customerWaitingSince,
  listUpdates,
  markSent,
  recordSentUpdate,
} from '../../../src/shared/case/updates'
import { at, firstText, newCase, OPENED, write } from './case-fixture'

describe('customer updates as sent', () => {
  it('records the approved update with its text, HTML and hash, and logs it', () => {
    const doc = newCase()
    write(doc, 'customerUpdate', 'Refunds for the duplicate charges go out today.')
    firstText(doc, 'customerUpdate').format(0, 7, { bold: {} })
    approve(doc, 'dana', undefined, at(30))
    const hash = approvalStatus(doc).contentHash
    const ticketResult = { system: 'zendesk' as const, ticketId: '48213', commentId: '901' }
    const sent = markSent(doc, 'dana', { via: 'zendesk', ticketResult, now: at(31) })

    expect(listUpdates(doc)).toEqual([
      {
        id: sent.id,
        sentAt: at(31).toISOString(),
        by: 'dana',
        text: 'Refunds for the duplicate charges go out today.',
        html: '<p><strong>Refunds</strong> for the duplicate charges go out today.</p>',
        contentHash: hash,
        via: 'zendesk',
        ticketResult,
      },
    ])
    expect(filterActions(listActions(doc), { kinds: ['update-sent'] })).toMatchObject([
      {
        text: 'Dana Whitfield sent the customer update through Zendesk.',
        data: { update: sent.id },
      },
    ])
  })

  it('refuses to mark an update as sent unless its text is approved', () => {
    const doc = newCase()
    write(doc, 'customerUpdate', 'Refunds go out today.')
    expect(() => markSent(doc, 'dana', { via: 'manual' })).toThrow(
      /Only an approved customer update/,
    )
    approve(doc, 'dana')
    firstText(doc, 'customerUpdate').insert(0, 'Hi! ')
    expect(() => markSent(doc, 'dana', { via: 'manual' })).toThrow(/not approved/)
    expect(listUpdates(doc)).toEqual([])
  })

  it('lets only the owner mark the update as sent', () => {
    const doc = newCase()
    write(doc, 'customerUpdate', 'Refunds go out today.')
    approve(doc, 'dana')
    expect(() => markSent(doc, 'omar', { via: 'manual' })).toThrow(/Only the case owner/)
  })

  it('starts the next update as a draft, so editing it withdraws nothing', () => {
    const doc = newCase()
    write(doc, 'customerUpdate', 'Refunds go out today.')
    approve(doc, 'dana')
    markSent(doc, 'dana', { via: 'manual' })
    expect(approvalStatus(doc)).toMatchObject({ state: 'draft', valid: false, withdrawn: false })
    expect(() => markSent(doc, 'dana', { via: 'manual' })).toThrow(/not approved/)
  })

  it('says since when the customer has been waiting', () => {
    const doc = newCase()
    expect(customerWaitingSince(doc)).toBe(OPENED.toISOString())
    write(doc, 'customerUpdate', 'Refunds go out today.')
    approve(doc, 'dana')
    markSent(doc, 'dana', { via: 'manual', now: at(45) })
    expect(customerWaitingSince(doc)).toBe(at(45).toISOString())
  })
})

describe('recording an update sent earlier (an export that reached the ticket)', () => {
  it('records what was sent and uses up the approval that covered it', () => {
    const doc = newCase()
    write(doc, 'customerUpdate', 'Refunds go out today.')
    approve(doc, 'dana', undefined, at(30))
    const sentHash = approvalStatus(doc).currentHash
    const content = {
      text: 'Refunds go out today.',
      html: '<p>Refunds go out today.</p>',
      contentHash: sentHash,
    }
    const ticketResult = { system: 'zendesk' as const, ticketId: '48213', commentId: '7002' }
    const sent = recordSentUpdate(doc, 'dana', content, {
      via: 'zendesk',
      ticketResult,
      now: at(32),
    })

    expect(listUpdates(doc)).toEqual([
      {
        ...content,
        id: sent.id,
        sentAt: at(32).toISOString(),
        by: 'dana',
        via: 'zendesk',
        ticketResult,
      },
    ])
    expect(approvalStatus(doc).state).toBe('draft')
  })

  it('keeps an approval of newer text that was written while the export was on its way', () => {
    const doc = newCase()
    write(doc, 'customerUpdate', 'Refunds go out today.')
    const sentHash = approvalStatus(doc).currentHash
    write(doc, 'customerUpdate', 'Refunds went out this morning.')
    approve(doc, 'dana', undefined, at(40))
    recordSentUpdate(
      doc,
      'dana',
      { text: 'Refunds go out today.', html: '', contentHash: sentHash },
      { via: 'zendesk', now: at(41) },
    )
    expect(approvalStatus(doc).valid).toBe(true)
  })
})

describe('an update recorded from an export', () => {
  it('is recorded once, however often the export’s result is applied', () => {
    const doc = newCase()
    write(doc, 'customerUpdate', 'Refunded.')
    approve(doc, 'dana', undefined, at(30))
    const content = { text: 'Refunded.', html: '<p>Refunded.</p>', contentHash: 'h' }
    const options = { via: 'zendesk' as const, id: 'export:abc' }

    const first = recordSentUpdate(doc, 'dana', content, options)
    const again = recordSentUpdate(doc, 'dana', content, options)

    expect(again).toEqual(first)
    expect(listUpdates(doc)).toHaveLength(1)
    expect(filterActions(listActions(doc), { kinds: ['update-sent'] })).toHaveLength(1)
  })
})
