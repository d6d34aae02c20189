/**
 * On Linux without a keyring Electron's safeStorage offers only `basic_text` (a key written into
 * Electron itself), and no case could be created or joined. The app now asks to protect the
 * keys with a passphrase, asks for it at each start, and refuses a wrong one in plain words.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useApps } from './apps'
import { SCREENSHOTS, quitApp } from './harness'

const PASSPHRASE = 'blue kettle on the third shelf'
const TITLE = 'Northwind: SSO logins fail after certificate rotation'

describe('a computer without a keyring protects its keys with a passphrase', () => {
  const apps = useApps()

  it('sets a passphrase, creates a case, and after a restart unlocks it with the passphrase', async () => {
    const folder = apps.folder()
    let app = await apps.start(folder, { noKeyring: true })
    let { page } = app

    await page.getByLabel('Your display name').fill('Priya Raman')
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByRole('heading', { name: 'Protect your room keys' }).waitFor()
    expect(await page.getByText('This computer has no unlocked keyring').isVisible()).toBe(true)
    // The focus is on the first field: typing goes straight in.
    await page.keyboard.type(PASSPHRASE)
    await page.getByLabel('The same passphrase again').fill('blue kettle on the 3rd shelf')
    await page.keyboard.press('Enter')
    const error = page.getByRole('alert')
    await expect.poll(() => error.textContent()).toContain('The two passphrases are not the same')
    await page.screenshot({ path: join(SCREENSHOTS, 'key-protection-choose.png') })

    await page.getByLabel('New passphrase').fill('short')
    await page.getByLabel('The same passphrase again').fill('short')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => error.textContent())
      .toBe('Choose a passphrase of at least 8 characters.')

    await page.getByLabel('New passphrase').fill(PASSPHRASE)
    await page.getByLabel('The same passphrase again').fill(PASSPHRASE)
    await page.keyboard.press('Enter')

    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill(TITLE)
    await page.getByLabel('Priority').selectOption('high')
    await page.getByLabel('VIP incident').check()
    await page.getByRole('button', { name: 'Create case' }).click()
    await expect.poll(() => page.getByLabel('Case title').inputValue()).toBe(TITLE)
    await expect
      .poll(() => page.getByRole('status', { name: 'Saving' }).textContent())
      .toBe('Saved on this computer')

    await quitApp(app)
    expect(app.errors).toEqual([])
    app = await apps.start(folder, { noKeyring: true })
    ;({ page } = app)

    await page.getByRole('heading', { name: 'Unlock your room keys' }).waitFor()
    await page.keyboard.type('blue kettle on the fourth shelf')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('That passphrase does not unlock this computer’s keys.')
    expect(await page.getByRole('button', { name: 'New case' }).count()).toBe(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'key-protection-wrong-passphrase.png') })

    // The field kept the focus, its text selected: typing replaces it.
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Enter')

    const row = page.getByRole('row', { name: new RegExp(TITLE) })
    await row.waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'key-protection-unlocked.png') })
    await row.getByRole('button', { name: new RegExp('Northwind') }).click()
    await expect.poll(() => page.getByLabel('Case title').inputValue()).toBe(TITLE)
    // The room key was read with the passphrase: the invite link carries it.
    await page.getByRole('button', { name: 'Invite' }).click()
    await expect
      .poll(() => page.getByLabel('Invite link').inputValue())
      .toMatch(/^swarmroom:\/\/join\/.+#key=/)
    expect(app.errors).toEqual([])
  })
})
