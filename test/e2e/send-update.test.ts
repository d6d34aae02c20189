/**
 * The customer update's next step is the real one: with the case linked to a Zendesk ticket
 * through a connection, the owner's approved update offers "Send to Zendesk ticket #48213"
 * (the mark-as-sent way second), and once it is there it shows as Sent, with the time and the
 * comment's id. When Zendesk refuses the saved token (401), the export stays visible in the
 * Exports tab of every member, with its reason; the owner gets a banner to that connection's
 * settings, and "Retry now" and "Cancel"; a teammate, over real WebRTC, sees the failure but
 * neither button.
 */
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZendeskServer } from '../fixtures/help-desks/zendesk-server'
import { SCREENSHOTS, copyInviteLink, joinWithLink, replaceSectionText } from './harness'
import { useApps } from './apps'
import { connectZendesk } from './help-desk-setup'

const TITLE = 'Acme: invoices charged twice'
const REPLY = 'Hi Maria, we reversed the duplicate charges; exports work again.'
const SCREEN = { width: 1440, height: 900 }

describe('sending the customer update to its ticket', () => {
  const apps = useApps()
  let zendesk: ZendeskServer

  beforeAll(async () => {
    zendesk = await new ZendeskServer().listen()
  })

  afterAll(async () => {
    await zendesk?.close()
  })

  it('sends the approved update, and keeps a refused export in sight with the owner’s way out', async () => {
    const dana = await apps.teammate('Dana Whitfield')
    const omar = await apps.teammate('Omar Haddad')
    const page = dana.page
    await page.setViewportSize(SCREEN)
    await connectZendesk(page, zendesk)

    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill(TITLE)
    await page.getByLabel('Help desk').selectOption('zendesk')
    await page.getByLabel('Priority').selectOption('high')
    await page.getByLabel('VIP incident').check()
    await page.getByRole('button', { name: 'Create case' }).click()
    await page.getByRole('button', { name: 'Link ticket' }).click()
    await page.getByLabel('Ticket address').fill(`${zendesk.url}/agent/tickets/48213`)
    await page.getByLabel('Ticket address').press('Enter')
    await expect
      .poll(() => page.getByLabel('Ticket as read from the help desk').textContent())
      .toContain('Invoices fail to export')
    await joinWithLink(omar.page, await copyInviteLink(page), TITLE)

    await replaceSectionText(page, 'Case summary', 'Acme was charged twice for 1,204 invoices.')
    await replaceSectionText(page, 'Customer update', REPLY)
    await expect
      .poll(() => page.getByRole('status', { name: 'Saving' }).textContent())
      .toBe('Saved on this computer')
    await approvalOf(page).getByRole('button', { name: 'Approve update' }).click()

    // The next step is the real one; marking it sent by hand is still there, second.
    const send = approvalOf(page).getByRole('button', { name: 'Send to Zendesk ticket #48213' })
    await send.waitFor()
    const byHand = approvalOf(page).getByRole('button', { name: 'I sent it another way' })
    expect(await byHand.isVisible()).toBe(true)
    expect(await send.getAttribute('class')).toContain('button--primary')
    expect(await byHand.getAttribute('class')).not.toContain('button--primary')
    expect(await approvalOf(page).getByRole('button', { name: 'Mark as sent' }).count()).toBe(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'send-update-button.png') })

    await send.click()
    const dialog = page.getByRole('dialog', { name: 'Send to Zendesk ticket #48213' })
    await expect.poll(() => dialog.textContent()).toContain('Approved: this exact text.')
    expect(await dialog.getByLabel('The reply only').isChecked()).toBe(true)
    expect(await dialog.getByLabel('The reply, with the internal note first').isChecked()).toBe(
      false,
    )
    await page.screenshot({ path: join(SCREENSHOTS, 'send-update-dialog.png') })
    await dialog.getByRole('button', { name: 'Send', exact: true }).click()
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 20_000 })
      .toContain('Done')
    await dialog.getByRole('button', { name: 'Close' }).click()

    expect(zendesk.posted.map((post) => ({ public: post.public, body: post.body }))).toEqual([
      { public: true, body: `<p>${REPLY}</p>` },
    ])
    const reply = zendesk.comments.get(48213)?.at(-1)
    await expect.poll(() => approvalOf(page).innerText()).toContain('Sent')
    const sent = await approvalOf(page).innerText()
    expect(sent).toMatch(
      new RegExp(
        `Sent to Zendesk ticket #48213 at .*\\d:\\d\\d.* as comment #${reply?.id}, by you`,
      ),
    )
    expect(await send.count()).toBe(0)
    await expect
      .poll(() => approvalOf(omar.page).innerText(), { timeout: 20_000 })
      .toContain(`as comment #${reply?.id}, by Dana Whitfield`)
    await page.screenshot({ path: join(SCREENSHOTS, 'send-update-sent.png') })

    // Zendesk's admin rotates the API token: the saved one is refused with a 401.
    const rotated = 'zd-api-token-rotated-81c2'
    zendesk.token = rotated
    await exportNoteOnly(page)
    await page.getByRole('tab', { name: 'Exports' }).click()
    const failed = exportsOf(page).getByRole('listitem', { name: 'Internal note' }).first()
    await expect.poll(() => failed.textContent(), { timeout: 20_000 }).toContain('Failed')
    expect(await failed.textContent()).toContain('Zendesk did not accept the saved credentials')
    const banner = page.getByRole('alert').filter({ hasText: 'refused the saved login' })
    await banner.waitFor()
    expect(await banner.textContent()).toContain(
      'Zendesk refused the saved login of the connection “Acme Zendesk”',
    )
    expect(await failed.getByRole('button', { name: 'Retry now' }).isVisible()).toBe(true)
    expect(await failed.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'send-update-exports-failure.png') })

    // Omar sees the failure and its reason, but the way out is the owner's.
    await omar.page.getByRole('tab', { name: 'Exports' }).click()
    const omarFailed = exportsOf(omar.page).getByRole('listitem', { name: 'Internal note' }).first()
    await expect
      .poll(() => omarFailed.textContent(), { timeout: 20_000 })
      .toContain('Zendesk did not accept the saved credentials')
    expect(await omarFailed.textContent()).toContain('Failed')
    expect(await omarFailed.getByRole('button').count()).toBe(0)
    expect(await omar.page.getByText('refused the saved login').count()).toBe(0)

    // The banner opens that connection's settings; Dana saves the new token and retries now.
    await banner.getByRole('button', { name: 'Open the connection’s settings' }).click()
    const form = page.getByRole('form', { name: 'Change “Acme Zendesk”' })
    await form.getByLabel('API token').fill(rotated)
    await form.getByRole('button', { name: 'Save changes' }).click()
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Help desks' }).getByRole('status').textContent(),
      )
      .toContain('Connected to Zendesk')
    // Back to the case the banner was in, as the window's Back does.
    await page.goBack()
    await page.getByRole('tab', { name: 'Exports' }).click()
    await failed.getByRole('button', { name: 'Retry now' }).click()
    await expect.poll(() => failed.textContent(), { timeout: 20_000 }).toContain('Sent')
    const note = zendesk.comments.get(48213)?.at(-1)
    expect(note?.public).toBe(false)
    expect(await failed.textContent()).toContain(`Note #${note?.id}`)
    expect(await banner.count()).toBe(0)
    await expect.poll(() => omarFailed.textContent(), { timeout: 20_000 }).toContain('Sent')

    // Zendesk asks to come back in ten minutes; Dana cancels instead, and it never goes.
    zendesk.misbehave({ kind: 'rate-limit', retryAfterSeconds: 600 }, 1, 'posts')
    const posts = zendesk.posted.length
    await exportNoteOnly(page)
    const waiting = exportsOf(page).getByRole('listitem', { name: 'Internal note' }).first()
    await expect
      .poll(() => waiting.textContent(), { timeout: 20_000 })
      .toContain('Waiting to retry')
    expect(await waiting.textContent()).toContain('Rate limited by Zendesk: will try again at')
    await waiting.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => waiting.textContent()).toContain('Cancelled')
    expect(await waiting.getByRole('button').count()).toBe(0)
    await expect
      .poll(() => exportsOf(omar.page).getByRole('listitem').first().textContent(), {
        timeout: 20_000,
      })
      .toContain('Cancelled')
    await page.getByRole('tab', { name: 'Timeline' }).click()
    await expect
      .poll(() => page.getByRole('region', { name: 'Actions taken' }).textContent())
      .toContain(
        'Dana Whitfield cancelled the export of the internal note to Zendesk ticket 48213 before it was sent.',
      )
    expect(zendesk.posted.length).toBe(posts)

    expect(dana.errors).toEqual([])
    expect(omar.errors).toEqual([])
  })
})

function approvalOf(page: Page): Locator {
  return page.getByRole('group', { name: 'Approval' })
}

function exportsOf(page: Page): Locator {
  return page.getByRole('region', { name: 'Exports' })
}

/** The header's "Export to ticket", the internal note alone: it does not read the ticket first. */
async function exportNoteOnly(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export to ticket' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export to ticket' })
  await dialog.getByLabel('Internal note only').check()
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await dialog.getByRole('button', { name: 'Close' }).click()
}
