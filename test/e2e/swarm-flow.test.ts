/**
 * The swarm's way of working with two teammates in two windows over real WebRTC: the
 * contributor drafts the one customer update and asks for review, the owner sends it back
 * with a change to make, takes a suggested wording, approves and marks it sent; the owner then
 * makes the contributor the lead, who opens review mode and signs the case off.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, copyInviteLink, joinWithLink, replaceSectionText } from './harness'
import { useApps } from './apps'

const TITLE = 'Acme: invoices charged twice after the plan change'

describe('a swarm from the first draft to the lead’s sign-off', () => {
  const { teammate } = useApps()

  it('reviews, approves and sends the update, then the lead signs the case off', async () => {
    const dana = await teammate('Dana Whitfield')
    const omar = await teammate('Omar Haddad')

    await dana.page.getByRole('button', { name: 'New case' }).click()
    await dana.page.getByLabel('Title').fill(TITLE)
    await dana.page.getByLabel('Ticket address or ID').fill('48213')
    await dana.page.getByLabel('Customer').fill('Acme Corp')
    await dana.page.getByLabel('Priority').selectOption('high')
    await dana.page.getByLabel('VIP incident').check()
    await dana.page.getByRole('button', { name: 'Create case' }).click()
    await replaceSectionText(
      dana.page,
      'Case summary',
      'Acme was charged twice for 1,204 invoices after the plan migration.',
    )
    await joinWithLink(omar.page, await copyInviteLink(dana.page), TITLE)

    // Omar, a contributor, drafts the update and asks the owner to review it.
    await replaceSectionText(
      omar.page,
      'Customer update',
      'We found the cause of the duplicate charges and will reverse them soon.',
    )
    await approvalOf(omar.page).getByRole('button', { name: 'Request review' }).click()
    await expect
      .poll(() => approvalOf(dana.page).innerText(), { timeout: 20_000 })
      .toContain('Review requested')
    await dana.page.screenshot({ path: join(SCREENSHOTS, 'swarm-review-requested.png') })

    // Dana sends it back: the customer needs a date.
    await approvalOf(dana.page).getByRole('button', { name: 'Request changes' }).click()
    await dana.page.getByLabel('What should change (optional)').fill('Give the refund date.')
    await dana.page.getByRole('button', { name: 'Send back for changes' }).click()
    await expect
      .poll(() => approvalOf(omar.page).innerText(), { timeout: 20_000 })
      .toContain('Give the refund date.')

    // Omar revises, asks again, and while it is under review suggests a better wording.
    await replaceSectionText(
      omar.page,
      'Customer update',
      'We found the cause of the duplicate charges and will reverse them by Friday.',
    )
    await approvalOf(omar.page).getByRole('button', { name: 'Request review' }).click()
    const omarSection = sectionOf(omar.page)
    await omarSection.getByRole('button', { name: 'Suggest a change' }).click()
    await omarSection.getByLabel('Text to replace').fill('by Friday')
    await omarSection.getByLabel('Replace with').fill('by Friday 28 November')
    await omarSection.getByRole('button', { name: 'Send suggestion' }).click()
    // The suggestion shows the words around it, for Omar and for Dana who decides.
    for (const page of [omar.page, dana.page]) {
      const context = sectionOf(page).locator('.suggestion__context')
      await expect
        .poll(() => context.textContent(), { timeout: 20_000 })
        // Up to about 60 characters each side, cut at a word.
        .toBe(
          'In the update: … the cause of the duplicate charges and will reverse them by Friday.',
        )
      expect(await context.locator('mark').textContent()).toBe('by Friday')
    }
    await omar.page.setViewportSize({ width: 1440, height: 900 })
    await omarSection.locator('.suggestion').scrollIntoViewIfNeeded()
    await omar.page.screenshot({ path: join(SCREENSHOTS, 'swarm-suggestion-context.png') })

    // Dana takes the suggestion, approves the exact text and marks it sent.
    const suggestion = sectionOf(dana.page)
      .getByRole('listitem')
      .filter({ hasText: 'Omar Haddad suggests' })
    await suggestion.getByRole('button', { name: 'Accept suggestion' }).click({ timeout: 20_000 })
    await dana.page.screenshot({ path: join(SCREENSHOTS, 'swarm-suggestion-accepted.png') })
    await approvalOf(dana.page).getByRole('button', { name: 'Approve update' }).click()
    await expect
      .poll(() => approvalOf(omar.page).innerText(), { timeout: 20_000 })
      .toContain('Approved')
    await approvalOf(dana.page).getByRole('button', { name: 'Mark as sent' }).click()
    for (const page of [dana.page, omar.page]) {
      await page.getByRole('tab', { name: 'Updates' }).click()
      await expect
        .poll(() => page.getByRole('region', { name: 'Updates sent' }).innerText(), {
          timeout: 20_000,
        })
        .toContain('will reverse them by Friday 28 November.')
    }

    // The completeness check, as Omar sees it.
    await omar.page.getByRole('tab', { name: 'Handoff' }).click()
    await omar.page.screenshot({ path: join(SCREENSHOTS, 'swarm-completeness.png') })

    // Dana makes Omar the lead and resolves the case; Omar reviews it and signs off.
    await dana.page.getByRole('tab', { name: 'Members' }).click()
    await dana.page.getByLabel('Role of Omar Haddad').selectOption('lead')
    await dana.page.getByLabel('Status').selectOption('resolved')
    await expect
      .poll(() => omar.page.getByLabel('Status').inputValue(), { timeout: 20_000 })
      .toBe('resolved')
    await omar.page.getByRole('button', { name: 'Review', exact: true }).click()
    await expect
      .poll(() => omar.page.getByRole('region', { name: 'Who wrote it' }).innerText())
      .toContain('Dana Whitfield')
    expect(await omar.page.getByRole('region', { name: 'Who wrote it' }).innerText()).toContain(
      'Omar Haddad',
    )
    await omar.page.screenshot({ path: join(SCREENSHOTS, 'swarm-review-mode.png') })
    // Nobody wrote post-incident notes: Omar is warned and confirms; the timeline says so.
    await omar.page.getByRole('button', { name: 'Sign off review' }).click()
    const signOff = omar.page.getByRole('region', { name: 'Sign-off' })
    await expect
      .poll(() => signOff.getByRole('alert').textContent())
      .toContain('Nobody has written post-incident notes')
    await signOff.getByRole('button', { name: 'Sign off without notes' }).click()
    await expect
      .poll(() => dana.page.getByLabel('Status').inputValue(), { timeout: 20_000 })
      .toBe('reviewed')
    await dana.page.getByRole('tab', { name: 'Timeline' }).click()
    const timeline = dana.page.getByRole('region', { name: 'Actions taken' })
    await expect
      .poll(() => timeline.innerText())
      .toContain('Omar Haddad signed the review off without post-incident notes.')
    await dana.page.screenshot({ path: join(SCREENSHOTS, 'swarm-signed-off.png') })

    expect(dana.errors).toEqual([])
    expect(omar.errors).toEqual([])
  })
})

function approvalOf(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('group', { name: 'Approval' })
}

function sectionOf(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('region', { name: 'Customer update' })
}
