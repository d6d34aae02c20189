/**
 * Every active case stays in sync while the app runs, not only the one on screen: Omar sits
 * in another case, then in the lobby, while Dana writes in theirs. Omar's disk holds her text
 * within seconds, his lobby marks the case as changed, the mention notifies him, and opening
 * the case shows her text at once. Dana sees Omar as away while his app only syncs the case.
 *
 * What this does not cover: the window closed to the tray. The harness has no Electron
 * window to hide; main-window.ts hides (never closes) the window, so its page, and this sync,
 * keep running (electron-glue.test.ts checks that closing hides).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, copyInviteLink, joinWithLink, replaceSectionText } from './harness'
import { useApps } from './apps'

const TITLE = 'Acme: invoices charged twice'

describe('cases syncing in the background', () => {
  const { teammate } = useApps()

  it('saves, marks unread and notifies from a case that is not on screen', async () => {
    const dana = await teammate('Dana Whitfield')
    const omar = await teammate('Omar Haddad')
    await dana.page.getByRole('button', { name: 'New case' }).click()
    await dana.page.getByLabel('Title').fill(TITLE)
    await dana.page.getByLabel('Priority').selectOption('high')
    await dana.page.getByLabel('VIP incident').check()
    await dana.page.getByRole('button', { name: 'Create case' }).click()
    const link = await copyInviteLink(dana.page)
    await joinWithLink(omar.page, link, TITLE)
    const roomId = dana.main.services.app.data.cases[0]?.roomId ?? ''
    const connection = dana.page.getByRole('status', { name: 'Connection' })
    await expect.poll(() => connection.textContent(), { timeout: 30_000 }).toBe('1 connected')

    // Omar moves to a case of his own; Dana's stays live in his app.
    await omar.page.getByRole('button', { name: 'Back to cases' }).click()
    await omar.page.getByRole('button', { name: 'New case' }).click()
    await omar.page.getByLabel('Title').fill('Globex: SSO loop')
    await omar.page.getByLabel('Priority').selectOption('high')
    await omar.page.getByLabel('VIP incident').check()
    await omar.page.getByRole('button', { name: 'Create case' }).click()
    await expect
      .poll(() => omar.page.getByLabel('Case title').inputValue())
      .toBe('Globex: SSO loop')
    const away = dana.page.getByRole('list', { name: 'People in this case' }).getByRole('listitem')
    await expect
      .poll(() => away.getAttribute('aria-label'), { timeout: 20_000 })
      .toBe('Omar Haddad, Contributor, syncing in the background')
    await dana.page.screenshot({ path: join(SCREENSHOTS, 'background-dana-sees-away.png') })

    const mention = '@Omar Haddad the proration job double-billed Globex in March too.'
    await replaceSectionText(dana.page, 'Relevant history', mention)
    const savedHistory = (): string =>
      omar.main.savedCase(roomId).getXmlFragment('history').toString()
    await expect.poll(savedHistory, { timeout: 10_000 }).toContain('double-billed Globex')
    await expect
      .poll(() => omar.main.desktop.notifications.map((notice) => notice.title), {
        timeout: 15_000,
      })
      .toEqual([`Dana Whitfield mentioned you in Relevant history ("${TITLE}")`])

    // In the lobby, the case Dana keeps writing in shows as changed, live.
    await omar.page.getByRole('button', { name: 'Back to cases' }).click()
    const row = omar.page.getByRole('row').filter({ hasText: TITLE })
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('New activity')
    await dana.page.keyboard.type(' Same fix should work.')
    await expect.poll(savedHistory, { timeout: 10_000 }).toContain('Same fix should work.')
    await omar.page.screenshot({ path: join(SCREENSHOTS, 'background-omar-lobby.png') })

    // Opening it shows what arrived at once, and it is no longer unread.
    await omar.page.getByRole('button', { name: new RegExp(`^${TITLE}`) }).click()
    await omar.page.getByText('Same fix should work.').waitFor({ timeout: 2_000 })
    await omar.page.getByRole('button', { name: 'Back to cases' }).click()
    await expect.poll(() => row.textContent()).not.toContain('New activity')
    expect(omar.main.services.app.data.cases.find((item) => item.roomId === roomId)?.unread).toBe(
      false,
    )
    expect(dana.errors.filter((error) => !error.includes('404'))).toEqual([])
    expect(omar.errors.filter((error) => !error.includes('404'))).toEqual([])
  })
})
