/**
 * The room by keyboard, with two teammates over real WebRTC: a new case opens with the
 * keyboard in its summary; Alt+1…6 and Alt+T go to the sections and the timeline's field; `?`
 * opens the shortcut sheet and Escape gives focus back; Alt+I, Alt+X and Alt+R open Invite,
 * Export and review mode; each format bar is one tab stop; a closed dialog gives focus back; @ opens a list of the case's members, Enter
 * puts a name pill in, and the teammate named gets the notification.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, copyInviteLink, joinWithLink } from './harness'
import { useApps } from './apps'

const TITLE = 'Acme: invoices charged twice'

/** Each focus check reads this in the page (the Node typecheck has no DOM library). */
const FOCUSED_SECTION = "document.activeElement?.getAttribute('data-section')"
const FOCUSED_NAME =
  "document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent"

function focusedSection(page: Page): Promise<unknown> {
  return page.evaluate(FOCUSED_SECTION)
}

function focusedName(page: Page): Promise<unknown> {
  return page.evaluate(FOCUSED_NAME)
}

describe('the room by keyboard', () => {
  const { teammate } = useApps()

  it('moves by shortcuts, keeps focus where it belongs and mentions a teammate', async () => {
    const dana = await teammate('Dana Whitfield')
    const omar = await teammate('Omar Haddad')
    const page = dana.page
    await page.setViewportSize({ width: 1440, height: 900 })

    // Create case: the room opens with the keyboard in the summary.
    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill(TITLE)
    await page.getByLabel('Priority').selectOption('high')
    await page.getByLabel('VIP incident').check()
    await page.getByRole('button', { name: 'Create case' }).click()
    await expect.poll(() => focusedSection(page)).toBe('summary')

    // A dialog gives the keyboard back to the button that opened it.
    const link = await copyInviteLink(page)
    await expect.poll(() => focusedName(page)).toBe('Invite')
    await joinWithLink(omar.page, link, TITLE)
    await expect
      .poll(() => page.getByRole('status', { name: 'Connection' }).textContent(), {
        timeout: 30_000,
      })
      .toBe('1 connected')

    // Alt and a number go to the sections in the order they appear; Alt+T to the timeline.
    await page.keyboard.press('Alt+3')
    await expect.poll(() => focusedSection(page)).toBe('history')
    await page.keyboard.press('Alt+6')
    await expect.poll(() => focusedSection(page)).toBe('postIncident')
    await page.keyboard.press('Alt+1')
    await expect.poll(() => focusedSection(page)).toBe('summary')
    await page.keyboard.press('Alt+T')
    await expect.poll(() => focusedName(page)).toBe('What happened')
    const timeline = page.getByRole('region', { name: 'Actions taken' })
    expect(await timeline.getByText('Ctrl+Enter', { exact: true }).first().isVisible()).toBe(true)

    // `?` outside a text field opens the sheet; Escape closes it and focus goes back.
    const sheetButton = page.getByRole('button', { name: 'Keyboard shortcuts' })
    await sheetButton.focus()
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await sheet.waitFor()
    expect(await sheet.getByText('Go to Customer impact').isVisible()).toBe(true)
    expect(await sheet.getByText('Alt+2', { exact: true }).isVisible()).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'keyboard-shortcut-sheet.png') })
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'detached' })
    await expect.poll(() => focusedName(page)).toBe('Keyboard shortcuts')
    // In a text field `?` is typed, not a shortcut.
    await page.keyboard.press('Alt+T')
    await page.keyboard.press('?')
    expect(await sheet.count()).toBe(0)
    await page.keyboard.press('Backspace')

    // A format bar is one tab stop; arrows, Home and End move inside it.
    await page.keyboard.press('Alt+1')
    await expect.poll(() => focusedSection(page)).toBe('summary')
    await page.keyboard.press('Tab')
    const impactBar = page.locator('#section-impact').getByRole('toolbar', { name: 'Formatting' })
    await expect.poll(() => focusedName(page)).toBe('Bold (Ctrl+B)')
    expect(await impactBar.locator('button[tabindex="0"]').count()).toBe(1)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => focusedName(page)).toBe('Italic (Ctrl+I)')
    await page.keyboard.press('End')
    await expect.poll(() => focusedName(page)).toBe('Numbered list')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => focusedName(page)).toBe('Bold (Ctrl+B)')
    await page.keyboard.press('Home')
    await page.keyboard.press('Tab')
    await expect.poll(() => focusedSection(page)).toBe('impact')

    // @ in a section lists the case's members; arrows move, Escape closes.
    const impact = page.getByRole('textbox', { name: 'Customer impact', exact: true })
    await page.evaluate('window.scrollTo(0, 0)')
    const scrolled = await page.evaluate('window.scrollY')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('@')
    const picker = page.getByRole('listbox', { name: 'Mention a teammate' })
    await picker.waitFor()
    const options = picker.getByRole('option')
    expect(await options.allTextContents()).toEqual(['Dana Whitfield', 'Omar Haddad'])
    await page.keyboard.press('ArrowDown')
    const selected = picker.getByRole('option', { selected: true })
    expect(await selected.textContent()).toBe('Omar Haddad')
    expect(await impact.getAttribute('aria-activedescendant')).toBe(
      await selected.getAttribute('id'),
    )
    await page.screenshot({ path: join(SCREENSHOTS, 'keyboard-mention-picker.png') })
    // The list scrolls itself, never the page.
    expect(await page.evaluate('window.scrollY')).toBe(scrolled)
    await page.keyboard.press('Escape')
    await picker.waitFor({ state: 'detached' })
    expect(await impact.textContent()).toBe('@')

    // Typing narrows the list, Enter puts the name pill in, and Omar is told.
    await page.keyboard.press('Backspace')
    await page.keyboard.type('Refunds wait on @om')
    await expect.poll(() => options.allTextContents()).toEqual(['Omar Haddad'])
    await page.keyboard.press('Enter')
    await page.keyboard.type('to approve them.')
    const pill = impact.locator('.mention-pill')
    await expect.poll(() => pill.textContent()).toBe('@Omar Haddad')
    expect(await impact.textContent()).toBe('Refunds wait on @Omar Haddad to approve them.')
    const told = omar.main.desktop.notifications
    await expect
      .poll(() => told.map((notice) => notice.title), { timeout: 30_000 })
      .toEqual([`Dana Whitfield mentioned you in Customer impact ("${TITLE}")`])
    expect(told[0]?.body).toContain('Refunds wait on @Omar Haddad to approve them.')
    await expect
      .poll(() => omar.page.locator('#section-impact .mention-pill').textContent(), {
        timeout: 30_000,
      })
      .toBe('@Omar Haddad')

    // Alt+I and Alt+X open their dialogs; Escape gives the keyboard back to the editor.
    await page.keyboard.press('Alt+I')
    await page.getByRole('dialog', { name: 'Invite teammates' }).waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Invite teammates' }).waitFor({ state: 'detached' })
    await expect.poll(() => focusedSection(page)).toBe('impact')
    await page.keyboard.press('Alt+X')
    await page.getByRole('dialog', { name: 'Export to ticket' }).waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Export to ticket' }).waitFor({ state: 'detached' })
    await expect.poll(() => focusedSection(page)).toBe('impact')

    // Alt+R enters review mode, which shows the pill too, and leaves it.
    await page.keyboard.press('Alt+R')
    const reviewed = page.locator('[data-review-section="impact"] .mention-pill')
    await expect.poll(() => reviewed.textContent()).toBe('@Omar Haddad')
    await page.keyboard.press('Alt+R')
    await expect.poll(() => reviewed.count()).toBe(0)

    // The timeline's field takes the picker too; the entry shows the pill and Omar is told.
    await page.keyboard.press('Alt+T')
    await page.keyboard.type('Asked @oma')
    await picker.waitFor()
    await page.keyboard.press('Enter')
    await page.keyboard.type('to re-run the invoice sync')
    await page.keyboard.press('ControlOrMeta+Enter')
    const entry = timeline.getByRole('listitem').filter({ hasText: 'to re-run the invoice sync' })
    await expect.poll(() => entry.locator('.mention-pill').textContent()).toBe('@Omar Haddad')
    await expect.poll(() => told.length, { timeout: 30_000 }).toBe(2)
    expect(told[1]?.title).toBe(`Dana Whitfield mentioned you in the timeline ("${TITLE}")`)
    await expect
      .poll(
        () =>
          omar.page
            .getByRole('region', { name: 'Actions taken' })
            .getByRole('listitem')
            .filter({ hasText: 'to re-run the invoice sync' })
            .locator('.mention-pill')
            .textContent(),
        { timeout: 30_000 },
      )
      .toBe('@Omar Haddad')
    expect(dana.main.desktop.notifications).toEqual([])

    // Ctrl+K from the room goes to the lobby's search, ready to type.
    await page.keyboard.press('ControlOrMeta+K')
    await expect.poll(() => focusedName(page)).toBe('Search all cases')

    // The served renderer has no favicon, which Chromium asks for (a 404 in the console).
    expect(dana.errors.filter((error) => !error.includes('404'))).toEqual([])
    expect(omar.errors.filter((error) => !error.includes('404'))).toEqual([])
  })
})
