/**
 * The settings page's one Save, as an agent uses it: it saves what changed and says so for
 * each part, and when one part is refused it says why in plain words and keeps what was typed,
 * while the parts that were fine are saved. The network settings wait under "Advanced".
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, chooseName } from './harness'
import { useApps } from './apps'

describe('the settings page', () => {
  const apps = useApps()

  it('saves what changed with one button and keeps a refused value on screen', async () => {
    const { page, main, errors } = await apps.start(apps.folder())
    await chooseName(page, 'Dana Whitfield')
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('button', { name: 'Save settings' }).waitFor()
    expect(await page.getByRole('button', { name: /^Save/ }).count()).toBe(1)
    const port = page.getByLabel('Connection helper port')
    expect(await port.isVisible()).toBe(false)

    await page.getByLabel('Display name').fill('Dana W.')
    await page.getByText('Advanced', { exact: true }).click()
    await port.fill('80')
    await page.getByRole('button', { name: 'Save settings' }).click()
    const said = page.getByRole('status').filter({ hasText: 'Saved. Cases you open' })
    await said.waitFor()
    expect(await said.textContent()).toContain('Use a port from 1024 to 65535.')
    expect(await port.inputValue()).toBe('80')
    expect(main.services.app.data.identity?.name).toBe('Dana W.')
    expect(main.services.app.data.settings.signalingPort).toBe(4444)
    await page.screenshot({ path: join(SCREENSHOTS, 'settings-port-refused.png'), fullPage: true })

    await port.fill('4555')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByText('Saved. Rooms you open from now on use these settings.').waitFor()
    expect(main.services.app.data.settings.signalingPort).toBe(4555)
    expect(await page.getByText('Saved. Cases you open').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
