/**
 * Desktop notifications between two teammates in a live room: Omar's @mention of Dana and his
 * request for a review reach Dana's app as notifications (recorded by the harness in place of
 * Electron's), once each, and none for what Omar did reaches Omar. Clicking one brings Dana's
 * window to the case at the place it is about.
 */
import { describe, expect, it } from 'vitest'
import { copyInviteLink, joinWithLink, replaceSectionText } from './harness'
import { useApps } from './apps'

/** Each focus check reads this in the page (the Node typecheck has no DOM library). */
const FOCUSED_SECTION = "document.activeElement?.getAttribute('data-section')"

describe('desktop notifications from a teammate', () => {
  const { teammate } = useApps()

  it('notifies Dana of Omar’s mention and review request, once, and opens the place', async () => {
    const dana = await teammate('Dana Whitfield')
    const omar = await teammate('Omar Haddad')
    await dana.page.getByRole('button', { name: 'New case' }).click()
    await dana.page.getByLabel('Title').fill('Acme: invoices charged twice')
    await dana.page.getByLabel('Priority').selectOption('high')
    await dana.page.getByLabel('VIP incident').check()
    await dana.page.getByRole('button', { name: 'Create case' }).click()
    const link = await copyInviteLink(dana.page)
    await joinWithLink(omar.page, link, 'Acme: invoices charged twice')
    await expect
      .poll(() => dana.page.getByRole('status', { name: 'Connection' }).textContent(), {
        timeout: 30_000,
      })
      .toBe('1 connected')

    // Omar's mention reaches Dana's open case over WebRTC.
    await replaceSectionText(
      omar.page,
      'Relevant history',
      '@Dana Whitfield the proration job double-billed Globex in March too.',
    )
    const shown = dana.main.desktop.notifications
    await expect
      .poll(() => shown.map((notice) => notice.title), { timeout: 30_000 })
      .toEqual(['Omar Haddad mentioned you in Relevant history ("Acme: invoices charged twice")'])
    expect(shown[0]?.body).toContain('@Dana Whitfield the proration job double-billed')

    // More typing around the mention is not a new mention; a review request is.
    await omar.page.keyboard.type(' Same fix should work.')
    await replaceSectionText(omar.page, 'Customer update', 'We are reversing the duplicates today.')
    await omar.page
      .getByRole('group', { name: 'Approval' })
      .getByRole('button', { name: 'Request review' })
      .click()
    await expect.poll(() => shown.length, { timeout: 30_000 }).toBe(2)
    expect(shown[1]?.title).toBe(
      'Omar Haddad asked you to review the customer update ("Acme: invoices charged twice")',
    )
    expect(omar.main.desktop.notifications).toEqual([])

    shown[0]?.onClick()
    await expect.poll(() => dana.page.evaluate(FOCUSED_SECTION)).toBe('history')
    // The served renderer has no favicon, which Chromium asks for (a 404 in the console).
    expect(dana.errors.filter((error) => !error.includes('404'))).toEqual([])
    expect(omar.errors.filter((error) => !error.includes('404'))).toEqual([])
  })
})
