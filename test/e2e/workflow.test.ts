/**
 * The swarm workflow in Chromium, as the case owner sees it: the live completeness check and a
 * hand-off that goes ahead only once its gaps are acknowledged; the customer update from review
 * request through a teammate's suggestion to approved (and withdrawn by an edit) and sent; and
 * ownership handed to a teammate, after which the update under review is only suggested to.
 *
 * Here the teammate's part is written with the same document functions into the case's saved
 * history while the owner has it closed, which is where a peer's updates end up too; the same
 * flow between two windows over WebRTC is in swarm-flow.test.ts.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { approvalStatus } from '../../src/shared/case/approval'
import { joinCase } from '../../src/shared/case/members'
import { readOwnershipOffer } from '../../src/shared/case/ownership'
import {
  acceptOwnershipSigned,
  offerOwnershipSigned,
} from '../../src/shared/case/signatures/signed-decisions'
import { listSuggestions, suggestChange } from '../../src/shared/case/suggestions'
import { addAction } from '../../src/shared/case/timeline'
import type { MainProcess } from './harness'
import { SCREENSHOTS, replaceSectionText } from './harness'
import { useApps } from './apps'
import { newDevice, type TestDevice } from '../shared/case/signatures/device-signer'

const DRAFT = 'We found why you were charged twice and are reversing the duplicates today.'
const omar = { memberId: 'omar-teammate', name: 'Omar Haddad', color: '#db2777' }

describe('the swarm workflow in the case room', () => {
  const apps = useApps()
  let main: MainProcess
  let page: Page
  let roomId: string
  let errors: string[]
  // Omar's own app signs his decisions with his own key.
  let omarKey: TestDevice

  beforeAll(async () => {
    omarKey = await newDevice()
    ;({ main, page, errors } = await apps.start(apps.folder()))
    await page.getByLabel('Your display name').fill('Dana Whitfield')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill('Acme Corp: invoices charged twice after plan change')
    await page.getByLabel('Ticket address or ID').fill('48213')
    await page.getByLabel('Customer').fill('Acme Corp')
    await page.getByLabel('VIP incident').check()
    await page.getByLabel('Priority').selectOption('high')
    await page.getByRole('button', { name: 'Create case' }).click()
    await replaceSectionText(
      page,
      'Case summary',
      'Acme was charged twice for 1,204 invoices after the plan migration.',
    )
    await replaceSectionText(page, 'Customer impact', 'Finance cannot close the month.')
    roomId = main.services.app.data.cases[0]?.roomId ?? ''
  })

  function savedCase(): Y.Doc {
    return main.savedCase(roomId)
  }

  /** Omar's part: the owner leaves the case, his changes land in it, the owner opens it again. */
  async function teammateActs(
    waitFor: (doc: Y.Doc) => boolean,
    act: (doc: Y.Doc) => void | Promise<void>,
  ): Promise<void> {
    await page.getByRole('button', { name: 'Back to cases' }).click()
    await expect.poll(() => waitFor(savedCase())).toBe(true)
    const doc = savedCase()
    const before = Y.encodeStateVector(doc)
    joinCase(doc, { ...omar, publicKey: omarKey.publicKey }, 'contributor')
    await act(doc)
    const update = Y.encodeStateAsUpdate(doc, before)
    main.services.rooms.append(roomId, update)
    // The case stays live in the window in the background: main hands it the change, as it
    // does its own (an export's result).
    main.services.emit('room:update', { roomId, update })
    await page.getByRole('button', { name: /Acme Corp: invoices charged twice/ }).click()
    await expect.poll(() => page.getByLabel('Case title').inputValue()).toContain('Acme Corp')
  }

  function timelineText(): Promise<string> {
    return page.getByRole('region', { name: 'Actions taken' }).innerText()
  }

  it('checks completeness live and hands off only once the gaps are acknowledged', async () => {
    await page.getByRole('tab', { name: 'Handoff' }).click()
    const panel = page.getByRole('region', { name: 'Completeness check' })
    const handoff = panel.getByRole('list', { name: 'Handoff' })
    await expect.poll(() => handoff.innerText()).toContain('Needed expertise is missing.')
    expect(await handoff.innerText()).toContain('No actions taken are in the timeline yet.')
    expect(await handoff.innerText()).toContain('Missing')
    expect(await panel.innerText()).toContain('the grey prompt in an empty section is not content')

    await replaceSectionText(page, 'Needed expertise', 'Billing engineering, to stop proration.')
    await expect.poll(() => handoff.innerText()).not.toContain('Needed expertise is missing.')
    await page.screenshot({ path: join(SCREENSHOTS, 'workflow-completeness.png'), fullPage: true })

    await panel.getByRole('button', { name: 'Hand off', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Hand off the case' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    const note = dialog.getByRole('region', { name: 'Handoff note' })
    expect(await note.innerText()).toContain('Handoff: Acme Corp: invoices charged twice')
    expect(await note.innerText()).toContain('Finance cannot close the month.')
    expect(await dialog.getByLabel('Handoff note as Markdown').inputValue()).toContain(
      '# Handoff: Acme Corp: invoices charged twice after plan change',
    )
    await dialog.getByLabel('Hand off to').selectOption({ label: 'A team or queue…' })
    await dialog.getByRole('textbox', { name: 'Team or queue' }).fill('Billing tier 2')
    const goAhead = dialog.getByRole('button', { name: 'Hand off the case' })
    expect(await goAhead.isDisabled()).toBe(true)
    await dialog.getByLabel(/Go ahead with these 2 gaps/).check()
    await page.screenshot({ path: join(SCREENSHOTS, 'workflow-handoff-dialog.png') })
    await goAhead.click()

    await expect
      .poll(() => panel.innerText())
      .toContain('Handed off to Billing tier 2, acknowledging 2 gaps.')
    await page.getByRole('tab', { name: 'Timeline' }).click()
    expect(await timelineText()).toContain(
      'Dana Whitfield handed the case off to Billing tier 2, acknowledging 2 gaps.',
    )
  })

  it('moves the status through the owner, logged, with reviewed left to the sign-off', async () => {
    await page.getByRole('tab', { name: 'Timeline' }).click()
    const status = page.getByLabel('Status')
    expect(await status.locator('option[value="reviewed"]').isDisabled()).toBe(true)
    await status.selectOption('swarming')
    await expect
      .poll(timelineText)
      .toContain('Dana Whitfield moved the case from Triage to Swarming.')
  })

  it('takes the update from review through a suggestion to approved, withdrawn and sent', async () => {
    const approval = page.getByRole('group', { name: 'Approval' })
    await replaceSectionText(page, 'Customer update', DRAFT)
    await approval.getByRole('button', { name: 'Request review' }).click()
    await expect.poll(() => approval.innerText()).toContain('Review requested')

    await teammateActs(
      (doc) => approvalStatus(doc).state === 'review-requested',
      (doc) => {
        suggestChange(doc, omar.memberId, { find: 'today', replace: 'by 5 pm today' })
        addAction(doc, omar.memberId, {
          kind: 'found',
          text: 'Proration ran twice during the migration',
          outcome: 'Root cause',
        })
      },
    )
    const section = page.getByRole('region', { name: 'Customer update' })
    const suggestion = section.getByRole('listitem').filter({ hasText: 'Omar Haddad suggests' })
    await expect.poll(() => suggestion.innerText()).toContain('by 5 pm today')
    await suggestion.getByRole('button', { name: 'Accept suggestion' }).click()
    const editor = page.getByRole('textbox', { name: 'Customer update', exact: true })
    await expect.poll(() => editor.textContent()).toBe(DRAFT.replace('today', 'by 5 pm today'))

    await approval.getByRole('button', { name: 'Approve update' }).click()
    await expect.poll(() => approval.innerText()).toContain('Approved by you')
    await page.screenshot({ path: join(SCREENSHOTS, 'workflow-customer-update-approved.png') })

    // Any change to the approved text withdraws the approval, visibly.
    await editor.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Sorry for the trouble.')
    await expect.poll(() => approval.innerText()).toContain('Approval withdrawn')
    expect(await approval.innerText()).toContain('You approved it at')
    await section.screenshot({ path: join(SCREENSHOTS, 'workflow-approval-withdrawn.png') })

    await approval.getByRole('button', { name: 'Approve update' }).click()
    await approval.getByRole('button', { name: 'Mark as sent' }).click()
    // The text that went out shows as sent until someone changes it.
    await expect.poll(() => approval.innerText()).toContain('Marked as sent by you at')
    expect(await approval.getByRole('button').count()).toBe(0)
    await page.getByRole('tab', { name: 'Updates' }).click()
    const log = page.getByRole('region', { name: 'Updates sent' })
    await expect.poll(() => log.innerText()).toContain('Sorry for the trouble.')
    expect(await log.innerText()).toContain('you, marked as sent')
    expect(await page.locator('.case-header').innerText()).toContain(
      'Customer waiting under a minute since the last update',
    )

    await page.getByRole('tab', { name: 'Timeline' }).click()
    const timeline = page.getByRole('region', { name: 'Actions taken' })
    await timeline.getByLabel('Filter by person').selectOption({ label: 'Omar Haddad' })
    await expect.poll(() => timeline.getByRole('listitem').count()).toBe(2)
    expect(await timelineText()).toContain('Proration ran twice during the migration')
    await timeline.getByLabel('Filter by kind').selectOption('events')
    await timeline.getByLabel('Filter by person').selectOption('all')
    const events = await timeline.getByRole('listitem').allInnerTexts()
    expect(events.join('\n')).not.toContain('Proration ran twice')
    for (const text of [
      'Dana Whitfield approved the customer update.',
      'The customer update changed after it was approved, so the approval was withdrawn.',
      'Dana Whitfield sent the customer update.',
    ]) {
      expect(events.join('\n')).toContain(text)
    }
    await timeline.getByRole('button', { name: 'Show all' }).click()
    await page.screenshot({ path: join(SCREENSHOTS, 'workflow-room.png'), fullPage: true })
  })

  it('hands ownership to a teammate who accepts, suggests as a teammate, then takes it back', async () => {
    await page.getByRole('tab', { name: 'Members' }).click()
    const members = page.getByRole('region', { name: 'Members' })
    await members.getByLabel('Offer ownership to').selectOption({ label: 'Omar Haddad' })
    await members.getByRole('button', { name: 'Offer ownership' }).click()
    await expect.poll(() => members.innerText()).toContain('waiting for them to accept')
    await page.screenshot({ path: join(SCREENSHOTS, 'workflow-members.png'), fullPage: true })

    await teammateActs(
      (doc) => readOwnershipOffer(doc)?.to === omar.memberId,
      (doc) => acceptOwnershipSigned(doc, omar.memberId, omarKey.signing(roomId)),
    )
    await expect.poll(() => page.locator('.owner-chip').innerText()).toContain('Omar Haddad')
    await page.getByRole('tab', { name: 'Members' }).click()
    expect(await members.innerText()).toContain('Omar Haddad owns this case.')
    expect(await page.getByLabel('Status').isDisabled()).toBe(true)

    const approval = page.getByRole('group', { name: 'Approval' })
    await replaceSectionText(page, 'Customer update', 'Your refund reaches your bank by Friday.')
    await approval.getByRole('button', { name: 'Request review' }).click()
    const editor = page.getByRole('textbox', { name: 'Customer update', exact: true })
    await expect.poll(() => editor.getAttribute('contenteditable')).toBe('false')
    expect(await approval.getByRole('button', { name: 'Approve update' }).count()).toBe(0)

    // Selects "by Friday" in the read-only text, as dragging the mouse over it would.
    await editor.evaluate((element) => {
      const text = element.querySelector('p')?.firstChild
      const start = text?.textContent?.indexOf('by Friday') ?? -1
      if (!text || start < 0) throw new Error('the update does not say "by Friday"')
      const page = element.ownerDocument
      const range = page.createRange()
      range.setStart(text, start)
      range.setEnd(text, start + 'by Friday'.length)
      page.getSelection()?.removeAllRanges()
      page.getSelection()?.addRange(range)
    })
    const section = page.getByRole('region', { name: 'Customer update' })
    await section.getByRole('button', { name: 'Suggest a change' }).click()
    expect(await section.getByLabel('Text to replace').inputValue()).toBe('by Friday')
    await section.getByLabel('Replace with').fill('by Thursday')
    await section.getByRole('button', { name: 'Send suggestion' }).click()
    const mine = section.getByRole('listitem').filter({ hasText: 'You suggest' })
    await expect.poll(() => mine.innerText()).toContain('by Thursday')
    expect(await section.getByRole('button', { name: 'Accept suggestion' }).count()).toBe(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'workflow-suggesting.png'), fullPage: true })

    // Omar offers the case back: the prompt to take it is in the header, whichever tab is open.
    const dana = main.services.app.data.identity?.memberId ?? ''
    await teammateActs(
      (doc) => listSuggestions(doc, 'open').some((item) => item.replace === 'by Thursday'),
      (doc) => offerOwnershipSigned(doc, omar.memberId, dana, omarKey.signing(roomId)),
    )
    const prompt = page.locator('.case-header').getByRole('group', { name: 'Ownership offer' })
    await expect.poll(() => prompt.innerText()).toContain('Omar Haddad offers you ownership')
    await page.screenshot({ path: join(SCREENSHOTS, 'workflow-ownership-offer.png') })
    await prompt.getByRole('button', { name: 'Accept ownership' }).click()
    await expect.poll(() => page.locator('.owner-chip').innerText()).toContain('you')
    expect(await prompt.count()).toBe(0)
    expect(await timelineText()).toContain(
      'Dana Whitfield accepted ownership of the case from Omar Haddad.',
    )
    expect(errors).toEqual([])
  })
})
