/**
 * Who is who, at a glance, with three teammates over real WebRTC: each member has a colour
 * nobody else in the case has, the same on every screen, in the facepile and at the caret;
 * every face tells name, role and section on keyboard focus; the title stays whole beside
 * the facepile at 1440×900 and 1024×700; and once a teammate joins a case still in Triage the
 * owner is offered to move it to Swarming.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, copyInviteLink, joinWithLink } from './harness'
import { useApps } from './apps'

const TITLE = 'Acme: EU card payments fail at 3-D Secure since the 14 Nov release'

describe('who is who in a case', () => {
  const { teammate } = useApps()

  it('gives three members three colours, shows them as a facepile and offers Swarming', async () => {
    const dana = await teammate('Dana Whitfield')
    const omar = await teammate('Omar Haddad')
    const priya = await teammate('Priya Raman')

    await dana.page.getByRole('button', { name: 'New case' }).click()
    await dana.page.getByLabel('Title').fill(TITLE)
    await dana.page.getByLabel('Ticket address or ID').fill('48213')
    await dana.page.getByLabel('Priority').selectOption('high')
    await dana.page.getByLabel('VIP incident').check()
    await dana.page.getByRole('button', { name: 'Create case' }).click()
    await expect.poll(() => dana.page.getByLabel('Case title').inputValue()).toBe(TITLE)
    const offer = dana.page.getByRole('region', { name: 'Move to Swarming?' })
    // Alone in the case, the owner is not asked.
    expect(await offer.count()).toBe(0)
    const statusNames = await dana.page.getByLabel('Status').locator('option').allTextContents()
    expect(statusNames).toEqual(['Triage', 'Swarming', 'Resolved', 'Reviewed (at sign-off)'])

    const link = await copyInviteLink(dana.page)
    await joinWithLink(omar.page, link, TITLE)

    // The second member joins: the owner is offered Swarming, without being stopped.
    await expect
      .poll(() => offer.textContent(), { timeout: 30_000 })
      .toContain('Omar Haddad joined.')
    expect(await omar.page.getByRole('region', { name: 'Move to Swarming?' }).count()).toBe(0)
    await dana.page.screenshot({ path: join(SCREENSHOTS, 'people-swarming-offer.png') })

    await joinWithLink(priya.page, link, TITLE)
    for (const [page, others] of [
      [dana.page, ['Omar Haddad', 'Priya Raman']],
      [omar.page, ['Dana Whitfield', 'Priya Raman']],
      [priya.page, ['Dana Whitfield', 'Omar Haddad']],
    ] as const) {
      await expect.poll(() => facesOf(page), { timeout: 30_000 }).toEqual(others)
    }

    // Three colours, and every screen agrees on whose is whose.
    const colours = await Promise.all([dana.page, omar.page, priya.page].map(coloursSeenBy))
    const danaSees = colours[0] ?? {}
    expect(new Set(Object.values(danaSees)).size).toBe(3)
    expect(colours[1]).toEqual(danaSees)
    expect(colours[2]).toEqual(danaSees)
    const saved = [...dana.main.savedCase(roomIdOf(dana)).getMap('members').values()] as {
      color: string
    }[]
    expect(new Set(saved.map((member) => member.color)).size).toBe(3)

    // Omar writes in the summary: his caret on Dana's screen is in his colour, and his face
    // tells her where he is, on keyboard focus.
    await omar.page.getByRole('textbox', { name: 'Case summary', exact: true }).click()
    await omar.page.keyboard.type('Started after the release. ')
    const caret = dana.page.locator('.collaboration-carets__caret').filter({ hasText: 'Omar' })
    await expect.poll(() => caret.count(), { timeout: 20_000 }).toBe(1)
    expect(await memberColour(caret)).toBe(danaSees['Omar Haddad'])

    const omarFace = dana.page.getByRole('img', { name: 'Omar Haddad', exact: true })
    await omarFace.focus()
    const tooltip = dana.page.locator(`[id="${await omarFace.getAttribute('aria-describedby')}"]`)
    expect(await tooltip.getAttribute('role')).toBe('tooltip')
    await expect.poll(() => tooltip.isVisible()).toBe(true)
    await expect
      .poll(() => tooltip.innerText())
      .toBe(['Omar Haddad', 'Contributor', 'In Case summary'].join('\n'))
    await dana.page.screenshot({ path: join(SCREENSHOTS, 'people-tooltip-1440.png') })
    await dana.page.keyboard.press('Escape')
    await expect.poll(() => tooltip.isVisible()).toBe(false)
    const own = dana.page.getByRole('img', { name: 'You: Dana Whitfield' })
    expect(await own.textContent()).toBe('You')

    // The title is never cut off by the facepile, on a large screen or a small laptop.
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await dana.page.setViewportSize({ width, height })
      await expect.poll(() => titleIsWhole(dana.page)).toBe(true)
      await dana.page.screenshot({ path: join(SCREENSHOTS, `people-header-${width}.png`) })
      await omar.page.setViewportSize({ width, height })
      await expect.poll(() => titleIsWhole(omar.page)).toBe(true)
      await omar.page.screenshot({ path: join(SCREENSHOTS, `people-header-omar-${width}.png`) })
    }
    await priya.page.getByRole('img', { name: 'Dana Whitfield', exact: true }).focus()
    await priya.page.screenshot({ path: join(SCREENSHOTS, 'people-tooltip-priya.png') })

    // Dana takes the offer: the status moves, logged, on everyone's screen, and it is not asked again.
    await offer.getByRole('button', { name: 'Move to Swarming' }).click()
    expect(await dana.page.getByLabel('Status').inputValue()).toBe('swarming')
    await expect
      .poll(() => omar.page.getByLabel('Status').inputValue(), { timeout: 20_000 })
      .toBe('swarming')
    expect(await offer.count()).toBe(0)
    await expect
      .poll(() =>
        dana.page.getByText('Dana Whitfield moved the case from Triage to Swarming.').count(),
      )
      .toBe(1)

    // An error goes once the user answers it: a ticket address being corrected, a timeline
    // entry being written.
    await dana.page.getByRole('button', { name: 'Change ticket' }).click()
    const address = dana.page.getByLabel('Ticket address')
    await address.fill('the ticket from this morning')
    await dana.page.getByRole('button', { name: 'Link', exact: true }).click()
    const linkError = dana.page.locator('.ticket-link__message--error')
    await expect.poll(() => linkError.textContent()).toContain('does not recognise that')
    await address.fill('https://acme.zendesk.com/agent/tickets/48213')
    expect(await linkError.count()).toBe(0)
    await dana.page.getByRole('button', { name: 'Cancel' }).click()
    await dana.page.getByRole('button', { name: 'Add to timeline' }).click()
    const entryError = dana.page.getByText('Say what was done before adding it.')
    expect(await entryError.count()).toBe(1)
    await dana.page.getByLabel('What happened').fill('Re-ran the 3-D Secure check for one card')
    expect(await entryError.count()).toBe(0)

    for (const app of [dana, omar, priya]) expect(app.errors).toEqual([])
  })
})

function roomIdOf(app: {
  main: { services: { app: { data: { cases: { roomId: string }[] } } } }
}): string {
  return app.main.services.app.data.cases[0]?.roomId ?? ''
}

/** The teammates whose faces the facepile shows, by name. */
async function facesOf(page: Page): Promise<string[]> {
  const faces = page.getByRole('list', { name: 'People in this case' }).getByRole('img')
  return (await faces.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label'))))
    .filter((name): name is string => name !== null)
    .sort()
}

/** Name → colour of every face on the page, the member's own "You" included. */
async function coloursSeenBy(page: Page): Promise<Record<string, string>> {
  const own = page.getByRole('img', { name: /^You: / })
  const ownName = ((await own.getAttribute('aria-label')) ?? '').replace(/^You: /, '')
  const seen: Record<string, string> = { [ownName]: await memberColour(own) }
  const faces = page.getByRole('list', { name: 'People in this case' }).getByRole('img')
  for (const face of await faces.all()) {
    seen[(await face.getAttribute('aria-label')) ?? ''] = await memberColour(face)
  }
  return seen
}

function memberColour(element: ReturnType<Page['locator']>): Promise<string> {
  return element.evaluate((node) =>
    (
      node.ownerDocument.defaultView?.getComputedStyle(node).getPropertyValue('--member-color') ??
      ''
    ).trim(),
  )
}

/** The title field shows all of its text: nothing scrolled out of sight behind an ellipsis. */
function titleIsWhole(page: Page): Promise<boolean> {
  return page
    .getByLabel('Case title')
    .evaluate(
      (field: { scrollWidth: number; clientWidth: number }) =>
        field.scrollWidth <= field.clientWidth,
    )
}
