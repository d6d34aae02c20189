/**
 * The Ticket tab shows the linked Zendesk ticket as Zendesk has it: the conversation, public
 * messages and internal notes told apart, attachments by name, and the requester's other
 * tickets. A message quoted into Relevant history reaches the saved case as an attributed
 * blockquote with the ticket's link; one added to the timeline is a customer contact. When
 * Zendesk refuses the saved login, Refresh shows the saved copy with its time and the reason;
 * a teammate without a connection is told how to get one, without an error.
 */
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fragmentToMarkdown } from '../../src/shared/case/fragments/fragment-markdown'
import { listActions } from '../../src/shared/case/timeline'
import { ZendeskServer } from '../fixtures/help-desks/zendesk-server'
import { SCREENSHOTS, copyInviteLink, joinWithLink } from './harness'
import { useApps } from './apps'
import { connectZendesk } from './help-desk-setup'

const SCREEN = { width: 1440, height: 900 }

describe('the Ticket tab of a case', () => {
  const apps = useApps()
  let zendesk: ZendeskServer

  beforeAll(async () => {
    zendesk = await new ZendeskServer().listen()
    zendesk.fillConversation(48213, 3)
  })

  afterAll(async () => {
    await zendesk?.close()
  })

  it('shows the conversation and other tickets, and carries a message into the case', async () => {
    const dana = await apps.teammate('Dana Whitfield')
    const page = dana.page
    await page.setViewportSize(SCREEN)
    await connectZendesk(page, zendesk)
    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill('Acme: exports stop halfway')
    await page.getByLabel('Help desk').selectOption('zendesk')
    await page.getByLabel('Priority').selectOption('high')
    await page.getByLabel('VIP incident').check()
    await page.getByRole('button', { name: 'Create case' }).click()

    // Not linked yet: the tab says what to do, and nothing is an error.
    await page.getByRole('tab', { name: 'Ticket' }).click()
    await expect.poll(() => panelOf(page).textContent()).toContain('not linked to a ticket yet')
    expect(await panelOf(page).getByRole('alert').count()).toBe(0)

    const ticketUrl = `${zendesk.url}/agent/tickets/48213`
    await page.getByRole('button', { name: 'Link ticket' }).click()
    await page.getByLabel('Ticket address').fill(ticketUrl)
    await page.getByLabel('Ticket address').press('Enter')
    const messages = panelOf(page)
      .getByRole('list', { name: 'Conversation' })
      .getByRole('listitem', { name: /^(Public message|Internal note) by / })
    await expect.poll(() => messages.count(), { timeout: 20_000 }).toBe(4)
    expect(await panelOf(page).getByRole('status').first().textContent()).toMatch(/^As of /)

    const first = panelOf(page).getByRole('listitem', { name: 'Public message by Maria Customer' })
    expect(await first.first().textContent()).toContain('Exports stop at 50%.')
    const note = panelOf(page).getByRole('listitem', { name: 'Internal note by Maria Customer' })
    expect(await note.textContent()).toContain('Message 3 of 3')
    const agent = panelOf(page).getByRole('listitem', { name: 'Public message by Dana Agent' })
    expect(await agent.textContent()).toContain('Message 2 of 3')
    const attachment = messages.nth(1).getByRole('link', { name: 'export-log.txt' })
    expect(await attachment.getAttribute('href')).toContain('/attachments/token/')

    const others = panelOf(page).getByRole('list', { name: 'The requester’s other recent tickets' })
    await expect.poll(() => others.textContent()).toContain('#48000 Old outage report')
    expect(await others.textContent()).toContain('#47100 Cannot add a second admin')
    expect(await others.textContent()).not.toContain('48213')
    await page.screenshot({ path: join(SCREENSHOTS, 'ticket-panel-light.png') })
    expect(await panelViolations(page)).toEqual([])
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: join(SCREENSHOTS, 'ticket-panel-dark.png') })
    expect(await panelViolations(page)).toEqual([])
    await page.emulateMedia({ colorScheme: 'light' })

    // Quoted into Relevant history: attributed, linked, and saved on disk.
    await first.first().getByRole('button', { name: 'Quote in Relevant history' }).click()
    await expect
      .poll(() => first.first().getByRole('status').textContent())
      .toBe('Quoted in Relevant history.')
    const roomId = dana.main.services.app.data.cases[0]?.roomId ?? ''
    await expect
      .poll(() => fragmentToMarkdown(dana.main.savedCase(roomId).getXmlFragment('history')))
      .toContain(
        `> Exports stop at 50%.\n>\n> — Maria Customer, 2026-03-02 09:00 UTC, on Zendesk #48213 [${ticketUrl}](${ticketUrl})`,
      )
    expect(await page.locator('#section-history blockquote').textContent()).toContain(
      'Exports stop at 50%.',
    )

    // Added to the timeline as a customer contact, by keyboard.
    await note.getByRole('button', { name: 'Add to timeline' }).focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() =>
        listActions(dana.main.savedCase(roomId)).filter(
          (entry) => entry.kind === 'customer-contact',
        ),
      )
      .toEqual([
        expect.objectContaining({
          text: `“Message 3 of 3” — Maria Customer, 2026-03-02 10:02 UTC, internal note on Zendesk #48213 ${ticketUrl}`,
        }),
      ])

    // Zendesk refuses the saved login: Refresh shows the saved copy, its time and why.
    zendesk.token = 'zd-api-token-rotated'
    await panelOf(page).getByRole('button', { name: 'Refresh' }).click()
    await expect
      .poll(() => panelOf(page).getByRole('status').first().textContent(), { timeout: 20_000 })
      .toMatch(/^Saved copy as of /)
    expect(await panelOf(page).textContent()).toMatch(/Zendesk/)
    expect(await messages.count()).toBe(4)
    await page.screenshot({ path: join(SCREENSHOTS, 'ticket-panel-saved-copy.png') })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: join(SCREENSHOTS, 'ticket-panel-saved-copy-dark.png') })

    // Omar, who joins over WebRTC, has no connection to Zendesk: he is told so, not alarmed.
    const omar = await apps.teammate('Omar Haddad')
    await omar.page.setViewportSize(SCREEN)
    await joinWithLink(omar.page, await copyInviteLink(page), 'Acme: exports stop halfway')
    await omar.page.getByRole('tab', { name: 'Ticket' }).click()
    await expect
      .poll(() => panelOf(omar.page).textContent(), { timeout: 20_000 })
      .toContain('add one in Settings → Help desks')
    expect(await panelOf(omar.page).getByRole('alert').count()).toBe(0)
    await omar.page.screenshot({ path: join(SCREENSHOTS, 'ticket-panel-no-connection.png') })
  })
})

/** WCAG 2.1 A and AA problems inside the Ticket panel, contrast included. */
async function panelViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('#panel-ticket')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
  )
}

function panelOf(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Ticket' })
}
