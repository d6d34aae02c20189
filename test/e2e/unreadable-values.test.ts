/**
 * A teammate's app wrote nonsense into a case (a member that is a string, timeline entries
 * that are not entries, a section holding bare values): the case used to leave a blank window,
 * every time it was opened. Here the nonsense is written into the case's saved history while
 * it is closed, where a peer's updates end up too, and the case must still open with its title
 * and sections, say that something a teammate wrote is not shown, and keep the rest working.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { joinCase } from '../../src/shared/case/members'
import { SECTION_TITLES } from '../../src/shared/case/schema'
import { addAction } from '../../src/shared/case/timeline'
import type { MainProcess } from './harness'
import { SCREENSHOTS, replaceSectionText } from './harness'
import { useApps } from './apps'

const TITLE = 'Acme Corp: invoices charged twice after plan change'
const omar = { memberId: 'omar-teammate', name: 'Omar Haddad', color: '#db2777' }
const NOTICE = `Some of what a teammate wrote into “${TITLE}” could not be read and is not shown.`

describe('a case a teammate wrote nonsense into', () => {
  const apps = useApps()
  let main: MainProcess
  let page: Page
  let roomId: string
  let errors: string[]

  beforeAll(async () => {
    ;({ main, page, errors } = await apps.start(apps.folder()))
    await page.getByLabel('Your display name').fill('Dana Whitfield')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill(TITLE)
    await page.getByLabel('Ticket address or ID').fill('48213')
    await page.getByLabel('Customer').fill('Acme Corp')
    await page.getByLabel('VIP incident').check()
    await page.getByLabel('Priority').selectOption('high')
    await page.getByRole('button', { name: 'Create case' }).click()
    await replaceSectionText(page, 'Case summary', 'Acme was charged twice for 1,204 invoices.')
    await replaceSectionText(page, 'Customer impact', 'Finance cannot close the month.')
    roomId = main.services.app.data.cases[0]?.roomId ?? ''
  })

  function savedCase(): Y.Doc {
    return main.savedCase(roomId)
  }

  /** The owner leaves the case, the teammate's writes land in it, the owner opens it again. */
  async function teammateWrites(write: (doc: Y.Doc) => void): Promise<void> {
    await page.getByRole('button', { name: 'Back to cases' }).click()
    await expect
      .poll(() => savedCase().getXmlFragment('impact').toString())
      .toContain('Finance cannot close the month.')
    const doc = savedCase()
    const before = Y.encodeStateVector(doc)
    write(doc)
    main.services.rooms.append(roomId, Y.encodeStateAsUpdate(doc, before))
    await page.getByRole('button', { name: new RegExp(TITLE) }).click()
  }

  it('opens with its title and sections and says that something is not shown', async () => {
    await teammateWrites((doc) => {
      joinCase(doc, omar, 'contributor')
      const found = { kind: 'found', text: 'Proration ran twice', outcome: 'Root cause' } as const
      addAction(doc, omar.memberId, found)
      doc.getMap('members').set('mallory', 'str')
      doc.getMap('members').set('eve', 42)
      const entry = new Y.Map<unknown>()
      entry.set('id', 7)
      entry.set('text', { evil: true })
      doc.getArray('actions').push(['str', 5, [1, 2], entry])
      doc.getMap('meta').set('customer', { name: 'Acme' })
    })
    await expect.poll(() => page.getByLabel('Case title').inputValue()).toBe(TITLE)
    await expect.poll(() => page.getByText(NOTICE).isVisible()).toBe(true)
    for (const title of Object.values(SECTION_TITLES)) {
      const editor = page.getByRole('textbox', { name: title, exact: true })
      expect(await editor.isVisible(), title).toBe(true)
    }
    const summary = page.getByRole('textbox', { name: 'Case summary', exact: true })
    expect(await summary.textContent()).toContain('Acme was charged twice for 1,204 invoices.')
    const timeline = page.getByRole('region', { name: 'Actions taken' })
    await expect.poll(() => timeline.innerText()).toContain('Proration ran twice')
    await page.getByRole('tab', { name: 'Members' }).click()
    await expect.poll(() => page.getByRole('tabpanel').innerText()).toContain('Omar Haddad')
    await page.screenshot({ path: join(SCREENSHOTS, 'unreadable-values.png'), fullPage: true })
    expect(await page.getByText('This part of the case could not be shown.').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('shows a section it cannot show as such, and the rest of the case keeps working', async () => {
    errors.length = 0
    // Bare values in a rich-text section, as a client writing it as a list would leave them.
    await teammateWrites((doc) => doc.getArray('history').push(['str', 5]))
    await expect.poll(() => page.getByLabel('Case title').inputValue()).toBe(TITLE)
    const failed = page.getByRole('alert', { name: 'Relevant history' })
    await expect
      .poll(() => failed.innerText())
      .toContain('This part of the case could not be shown.')
    await replaceSectionText(page, 'Customer impact', 'Finance cannot close the month or bill.')
    await page.getByRole('tab', { name: 'Timeline' }).click()
    const timeline = page.getByRole('region', { name: 'Actions taken' })
    await expect.poll(() => timeline.innerText()).toContain('Proration ran twice')
    await page.screenshot({ path: join(SCREENSHOTS, 'unreadable-section.png'), fullPage: true })
    await expect
      .poll(() => savedCase().getXmlFragment('impact').toString())
      .toContain('Finance cannot close the month or bill.')
    expect(errors.some((error) => error.includes('Relevant history could not be shown'))).toBe(true)
  })
})
