/**
 * Light and dark mode as an agent meets them: the app follows the computer's setting until a
 * choice is saved in Settings → Appearance, keeps that choice after a restart, and follows the computer again once "Same as this computer" is saved.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, chooseName, quitApp } from './harness'
import { useApps } from './apps'

describe('light and dark mode', () => {
  const apps = useApps()

  it('follows the computer, or the choice saved in Settings, also after a restart', async () => {
    const folder = apps.folder()
    const first = await apps.start(folder)
    const page = first.page
    await chooseName(page, 'Dana Whitfield')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(() => theme(page)).toBe('dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(() => theme(page)).toBe('light')

    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Dark', { exact: true }).check()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByText('Saved. The new colours are on.').waitFor()
    expect(await theme(page)).toBe('dark')
    await page.screenshot({ path: join(SCREENSHOTS, 'appearance-dark-chosen.png') })
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByText('Nothing to save: no setting was changed.').waitFor()

    // Restarted on a light computer: dark, as saved in main's settings. (Each browser context
    // here starts with empty storage, so this is main's answer, not the first-paint copy.)
    await quitApp(first)
    const second = await apps.start(folder)
    await second.page.emulateMedia({ colorScheme: 'light' })
    await second.page.getByRole('button', { name: 'New case' }).waitFor()
    await expect.poll(() => theme(second.page)).toBe('dark')

    await second.page.getByRole('button', { name: 'Settings' }).click()
    await second.page.getByLabel('Same as this computer').check()
    await second.page.getByRole('button', { name: 'Save settings' }).click()
    await expect.poll(() => theme(second.page)).toBe('light')
    expect(second.main.services.app.data.settings.appearance).toBe('system')
    expect(first.errors).toEqual([])
    expect(second.errors).toEqual([])
  })
})

async function theme(page: Page): Promise<string | undefined> {
  return (await page.evaluate('document.documentElement.dataset.theme')) as string | undefined
}
