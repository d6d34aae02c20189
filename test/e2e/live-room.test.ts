/**
 * Two teammates, each with their own app (storage, main services, window), join one room
 * through an invite link and write in the same section at the same moment. Their windows
 * talk over real WebRTC (Chromium's), finding each other through the team's signaling server.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, copyInviteLink, joinWithLink } from './harness'
import { useApps } from './apps'

describe('a live war room with two teammates', () => {
  const { teammate } = useApps()

  it('joins through an invite link, shows each other, merges typing at the same moment, and sees a teammate leave', async () => {
    const dana = await teammate('Dana Whitfield')
    const omar = await teammate('Omar Haddad')

    await dana.page.getByRole('button', { name: 'New case' }).click()
    await dana.page.getByLabel('Title').fill('Acme: checkout fails for EU cards')
    await dana.page.getByLabel('Ticket address or ID').fill('48213')
    await dana.page.getByLabel('Priority').selectOption('high')
    await dana.page.getByLabel('VIP incident').check()
    await dana.page.getByRole('button', { name: 'Create case' }).click()
    await dana.page.getByRole('button', { name: 'Invite' }).click()
    await expect
      .poll(() => dana.page.getByLabel('Invite link').inputValue())
      .toMatch(/^swarmroom:\/\/join\/.+#key=/)
    await dana.page.screenshot({ path: join(SCREENSHOTS, 'live-invite.png') })
    await dana.page.getByRole('button', { name: 'Done' }).click()
    const link = await copyInviteLink(dana.page)

    await joinWithLink(omar.page, link, 'Acme: checkout fails for EU cards')

    // Each sees the other in the room.
    await expect.poll(() => presenceOf(dana.page), { timeout: 30_000 }).toContain('Omar Haddad')
    await expect.poll(() => presenceOf(omar.page), { timeout: 30_000 }).toContain('Dana Whitfield')
    await expect
      .poll(() => dana.page.getByRole('status', { name: 'Connection' }).textContent())
      .toBe('1 connected')

    // Both type into the case summary at once.
    const danaSummary = summaryOf(dana.page)
    const omarSummary = summaryOf(omar.page)
    await clearAndFocus(dana.page, danaSummary)
    await expect.poll(() => textOf(omarSummary)).toBe('')
    await omarSummary.click()
    await Promise.all([
      dana.page.keyboard.type('Dana: EU cards fail at 3-D Secure. ', { delay: 15 }),
      omar.page.keyboard.type('Omar: started after the 14 Nov release.', { delay: 15 }),
    ])

    for (const summary of [danaSummary, omarSummary]) {
      await expect.poll(() => textOf(summary)).toContain('Dana: EU cards fail at 3-D Secure.')
      await expect.poll(() => textOf(summary)).toContain('Omar: started after the 14 Nov release.')
    }
    // The same text in both windows once the last keystrokes have crossed over.
    await expect.poll(() => textOf(omarSummary)).toBe(await textOf(danaSummary))

    // Carets and presence: each window draws the other's caret in the summary.
    await expect
      .poll(() => dana.page.locator('.collaboration-carets__label').allTextContents())
      .toContain('Omar Haddad')
    await expect
      .poll(() => omar.page.locator('.collaboration-carets__label').allTextContents())
      .toContain('Dana Whitfield')
    await expect.poll(() => presenceOf(dana.page)).toContain('in Case summary')

    await dana.page.screenshot({ path: join(SCREENSHOTS, 'live-dana.png') })
    await omar.page.screenshot({ path: join(SCREENSHOTS, 'live-omar.png') })
    expect(dana.errors).toEqual([])
    expect(omar.errors).toEqual([])

    // Omar's window goes away without its beforeunload handlers (y-webrtc's goodbye runs there),
    // as when the app is force-quit: only the connection closing tells Dana, and he leaves her
    // presence bar within seconds, not half a minute.
    await omar.page.close({ runBeforeUnload: false })
    await expect.poll(() => presenceOf(dana.page), { timeout: 5000 }).toBe('')
    await expect
      .poll(() => dana.page.getByRole('status', { name: 'Connection' }).textContent())
      .toBe('Only you are here')
    await dana.page.screenshot({ path: join(SCREENSHOTS, 'live-omar-left.png') })
    expect(dana.errors).toEqual([])
  })
})

function summaryOf(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('textbox', { name: 'Case summary', exact: true })
}

async function presenceOf(page: Page): Promise<string> {
  const people = page.getByRole('list', { name: 'People in this case' }).getByRole('listitem')
  const labels = await people.evaluateAll((items) =>
    items.map((item) => item.getAttribute('aria-label')),
  )
  return labels.join(' | ')
}

/** The editor's text without teammates' caret labels, which live inside the editor's DOM. */
function textOf(editor: ReturnType<Page['getByRole']>): Promise<string> {
  return editor.evaluate((element: EditorElement) => {
    const copy = element.cloneNode(true)
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return copy.textContent ?? ''
  })
}

/** The DOM calls textOf makes (this project's Node typecheck has no DOM library). */
interface EditorElement {
  cloneNode(deep: boolean): {
    querySelectorAll(selector: string): Iterable<{ remove(): void }>
    textContent: string | null
  }
}

async function clearAndFocus(page: Page, editor: ReturnType<Page['getByRole']>): Promise<void> {
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Backspace')
}
