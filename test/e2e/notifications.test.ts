/**
 * Desktop notifications between two teammates in a live room: Omar's @mention of Dana and his
 * request for a review reach Dana's app as notifications (recorded by the harness in place of
 * Electron's), once each, and none for what Omar did reaches Omar. Clicking one brings Dana's
 * window to the case at the place it is about.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startSignalingServer,
  type SignalingServer,
} from '../../src/main/services/signaling-server'
import {
  chooseName,
  launchChromium,
  quitApp,
  replaceSectionText,
  serveRenderer,
  startApp,
  type RunningApp,
} from './harness'

/** Each focus check reads this in the page (the Node typecheck has no DOM library). */
const FOCUSED_SECTION = "document.activeElement?.getAttribute('data-section')"

describe('desktop notifications from a teammate', () => {
  let browser: Browser
  let renderer: Awaited<ReturnType<typeof serveRenderer>>
  let teamServer: SignalingServer
  const folders: string[] = []
  const apps: RunningApp[] = []

  beforeAll(async () => {
    renderer = await serveRenderer()
    browser = await launchChromium()
    teamServer = await startSignalingServer()
  })

  afterAll(async () => {
    for (const app of apps) await quitApp(app)
    await browser?.close()
    await renderer?.close()
    await teamServer?.close()
    for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  })

  async function teammate(name: string): Promise<RunningApp> {
    const folder = mkdtempSync(join(tmpdir(), 'swarmroom-e2e-notify-'))
    folders.push(folder)
    const app = await startApp(browser, renderer.url, folder)
    apps.push(app)
    await chooseName(app.page, name)
    const { page } = app
    await page.getByRole('button', { name: 'Settings' }).click()
    await page
      .getByLabel('Other signaling servers (one per line, ws:// or wss://)')
      .fill(teamServer.url)
    await page.getByRole('button', { name: 'Save network settings' }).click()
    await expect.poll(() => page.getByText('Saved. Rooms you open').isVisible()).toBe(true)
    await page.getByRole('button', { name: '← Cases' }).click()
    return app
  }

  it('notifies Dana of Omar’s mention and review request, once, and opens the place', async () => {
    const dana = await teammate('Dana Whitfield')
    const omar = await teammate('Omar Haddad')
    await dana.page.getByRole('button', { name: 'New case' }).click()
    await dana.page.getByLabel('Title').fill('Acme: invoices charged twice')
    await dana.page.getByRole('button', { name: 'Create case' }).click()
    await dana.page.getByRole('button', { name: 'Invite' }).click()
    const linkField = dana.page.getByLabel('Invite link')
    await expect.poll(() => linkField.inputValue()).toMatch(/^swarmroom:\/\/join\/.+#key=/)
    const link = await linkField.inputValue()
    await dana.page.getByRole('button', { name: 'Done' }).click()
    await omar.page.getByRole('button', { name: 'Join with a link' }).click()
    await omar.page.getByLabel('Invite link').fill(link)
    await omar.page.getByRole('button', { name: 'Join case' }).click()
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
