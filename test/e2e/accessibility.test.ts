/**
 * Accessibility of every screen an agent works in, checked with axe-core against WCAG 2.0 and
 * 2.1, levels A and AA, in light and dark mode: the lobby, the new-case dialog, a room with a
 * teammate present over real WebRTC (and the same teammate away), review mode, settings and
 * the export dialog. Each screen is also photographed at 1440×900 and 1024×700, and must have
 * one h1 and no skipped heading level. The test fails on any violation and prints each rule's
 * id, the elements it found and how to fix it.
 *
 * The screens are reached through the small helpers at the bottom of this file, so when a
 * screen's markup changes only a helper needs to follow.
 */
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, copyInviteLink, joinWithLink, replaceSectionText } from './harness'
import { useApps } from './apps'

const TITLE = 'Acme: invoices charged twice after the plan change'
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const
const SCHEMES = ['light', 'dark'] as const

describe('accessibility of every screen, in light and dark mode', () => {
  const { teammate } = useApps()

  it('has no WCAG 2.1 A or AA violation and a proper heading outline on any screen', async () => {
    const dana = await teammate('Dana Whitfield')
    const omar = await teammate('Omar Haddad')
    await createCase(dana.page)
    await joinWithLink(omar.page, await copyInviteLink(dana.page), TITLE)
    await omar.page.getByRole('textbox', { name: 'Case summary', exact: true }).click()
    await expect
      .poll(() => dana.page.getByRole('status', { name: 'Connection' }).textContent(), {
        timeout: 30_000,
      })
      .toBe('1 connected')

    const problems: string[] = []
    for (const scheme of SCHEMES) {
      for (const page of [dana.page, omar.page]) await page.emulateMedia({ colorScheme: scheme })
      const check = (page: Page, screen: string): Promise<void> =>
        checkScreen(page, `${screen}-${scheme}`, problems)

      await teammateIs(dana.page, /^Omar Haddad(?!.*background)/)
      await check(dana.page, 'room-with-teammate')
      await openExportDialog(dana.page)
      await check(dana.page, 'export-dialog')
      await closeDialog(dana.page)
      await dana.page.getByRole('button', { name: 'Review', exact: true }).click()
      await dana.page.getByRole('region', { name: 'Who wrote it' }).waitFor()
      await check(dana.page, 'review-mode')
      await reviewTimelineScrollsByKeyboard(dana.page)
      await dana.page.getByRole('button', { name: 'Leave review' }).click()

      // Omar leaves for the lobby: his app keeps the case in sync, and Dana sees him away.
      await omar.page.getByRole('button', { name: 'Back to cases' }).click()
      await check(omar.page, 'lobby')
      await omar.page.getByRole('button', { name: 'New case' }).click()
      await check(omar.page, 'new-case-dialog')
      await closeDialog(omar.page)
      await omar.page.getByRole('button', { name: 'Settings' }).click()
      await check(omar.page, 'settings')
      await openAdvancedSettings(omar.page)
      await check(omar.page, 'settings-advanced')
      await teammateIs(dana.page, /^Omar Haddad.*background/)
      await check(dana.page, 'room-with-teammate-away')
      await omar.page.getByRole('button', { name: '← Cases' }).click()
      await omar.page.getByRole('button', { name: new RegExp(TITLE) }).click()
      await omar.page.getByRole('textbox', { name: 'Case summary', exact: true }).click()
    }

    expect(problems.join('\n\n')).toBe('')
    expect(dana.errors).toEqual([])
    expect(omar.errors).toEqual([])
  }, 300_000) // twelve screens, each checked and photographed at two sizes
})

/** Runs axe and the heading check at both window sizes, and photographs the screen at each. */
async function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport)
    const at = `${name} at ${viewport.width}×${viewport.height}`
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
    for (const violation of results.violations) {
      const targets = violation.nodes
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1] ?? ''}`)
        .join('\n')
      problems.push(`${at}: ${violation.id} (${violation.help})\n${targets}`)
    }
    const outline = await headingProblems(page)
    if (outline) problems.push(`${at}: headings: ${outline}`)
    await page.screenshot({
      path: join(SCREENSHOTS, `a11y-${name}-${viewport.width}x${viewport.height}.png`),
    })
  }
}

/**
 * One h1 on the screen and no level skipped going down, among the headings shown; a document
 * shown inside the screen (the export's preview of a ticket comment) has its own outline.
 */
async function headingProblems(page: Page): Promise<string> {
  const levels = (await page.evaluate(`[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter((heading) => !heading.closest('[role="document"]'))
    .filter((heading) => heading.getClientRects().length > 0 || heading.closest('.visually-hidden'))
    .map((heading) => ({ level: Number(heading.tagName[1]), text: heading.textContent }))`)) as {
    level: number
    text: string
  }[]
  const found: string[] = []
  const ones = levels.filter(({ level }) => level === 1).length
  if (ones !== 1) found.push(`${ones} h1 elements (one expected)`)
  levels.forEach(({ level, text }, index) => {
    const previous = levels[index - 1]?.level ?? 0
    if (level > previous + 1) found.push(`h${level} “${text}” follows h${previous}`)
  })
  return found.join('; ')
}

async function createCase(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New case' }).click()
  await page.getByLabel('Title').fill(TITLE)
  await page.getByLabel('Ticket address or ID').fill('48213')
  await page.getByLabel('Customer').fill('Acme Corp')
  await page.getByLabel('Priority').selectOption('urgent')
  await page.getByLabel('VIP incident').check()
  await page.getByRole('button', { name: 'Create case' }).click()
  await replaceSectionText(page, 'Case summary', 'Acme was charged twice for 1,204 invoices.')
  const timeline = page.getByRole('region', { name: 'Actions taken' })
  for (let entry = 1; entry <= 12; entry++) {
    await timeline.getByLabel('What happened').first().fill(`Checked invoice batch ${entry}`)
    await timeline.getByRole('button', { name: 'Add to timeline' }).click()
  }
}

async function openExportDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export to ticket' }).click()
  await page.getByRole('dialog', { name: 'Export to ticket' }).getByRole('group').first().waitFor()
}

async function closeDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('dialog').waitFor({ state: 'detached' })
}

async function openAdvancedSettings(page: Page): Promise<void> {
  await page.getByText('Advanced', { exact: true }).click()
}

/** Review's timeline is a tab stop, and End scrolls it to its oldest entry. */
async function reviewTimelineScrollsByKeyboard(page: Page): Promise<void> {
  const entries = page.getByRole('list', { name: 'Timeline entries at this moment' })
  await entries.focus()
  expect(await entries.evaluate((list) => list.scrollTop)).toBe(0)
  await page.keyboard.press('End')
  await expect.poll(() => entries.evaluate((list) => list.scrollTop)).toBeGreaterThan(0)
}

/** Waits until the presence bar describes the teammate as `label` says. */
async function teammateIs(page: Page, label: RegExp): Promise<void> {
  const people = page.getByRole('list', { name: 'People in this case' })
  await people.getByRole('listitem', { name: label }).waitFor({ timeout: 20_000 })
}
