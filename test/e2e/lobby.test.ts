/**
 * The lobby as a lead uses it in the worst hour, in Chromium against main's real services:
 * what is burning comes first (overdue, then priority, then last activity), any column sorts,
 * the saved views carry their counts, an empty lobby offers just the two ways in, and a new
 * case starts from its ticket, read from a local Zendesk, with nothing chosen for the user.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { metaMap } from '../../src/shared/case/case-doc'
import { readLobbyLine } from '../../src/shared/case/lobby-line'
import { ensureMember } from '../../src/shared/case/members'
import type { NewCase } from '../../src/shared/case/schema'
import { ZendeskServer } from '../fixtures/help-desks/zendesk-server'
import { connectZendesk } from './help-desk-setup'
import { SCREENSHOTS } from './harness'
import { useApps } from './apps'

const HOUR = 3_600_000
const OMAR = { ownerId: 'member-omar', ownerName: 'Omar Haddad' }

/** The titles of the lobby's rows, top to bottom. */
function titles(page: Page): Promise<string[]> {
  return page.locator('table.case-list tbody .case-row__title').allInnerTexts()
}

function viewButton(page: Page, name: string) {
  return page.getByRole('group', { name: 'Views' }).getByRole('button', { name })
}

describe('the lobby', () => {
  const apps = useApps()
  let zendesk: ZendeskServer

  beforeAll(async () => {
    zendesk = await new ZendeskServer().listen()
  })

  afterAll(async () => {
    await zendesk?.close()
  })

  it('offers only New case and Join with a link when there is no case yet', async () => {
    const { page, errors } = await apps.start(apps.folder())
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByLabel('Your display name').fill('Dana Whitfield')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { name: 'No cases yet' }).waitFor()
    expect(await page.getByRole('button', { name: 'New case' }).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Join with a link' }).count()).toBe(1)
    expect(await page.getByRole('table').count()).toBe(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'lobby-empty.png') })
    expect(errors).toEqual([])
  })

  it('shows the first-run error in plain words, without the field’s key', async () => {
    const { page } = await apps.start(apps.folder())
    await page.getByLabel('Your display name').fill('D'.repeat(81))
    await page.getByRole('button', { name: 'Continue' }).click()
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.textContent()).toBe('Keep the display name under 80 characters.')
    // Editing the name clears the message about what was typed before.
    await page.getByLabel('Your display name').fill('Dana')
    expect(await alert.count()).toBe(0)
  })

  it('puts what is burning first, sorts by a column and counts each view', async () => {
    const { page, main, errors } = await apps.start(apps.folder())
    const { handlers } = main.services
    await handlers['identity:set']({ name: 'Dana Whitfield' })
    const now = Date.now()
    const create = async (
      title: string,
      priority: NewCase['priority'],
      line: {
        waitedHours: number
        status?: 'triage' | 'swarming' | 'resolved'
        owner?: typeof OMAR
        swarmType?: NewCase['swarmType']
      },
    ): Promise<string> => {
      const created = await handlers['cases:create']({
        title,
        ticket: { system: 'zendesk', id: '', url: '' },
        customer: 'Acme Corp',
        priority,
        swarmType: line.swarmType ?? 'cross-functional-blocker',
      })
      // The case as it stands after hours of work: opened earlier, moved on, maybe handed to
      // Omar. Written into its log, then reported as the room reports it (live-room.ts).
      const doc = new Y.Doc({ gc: false })
      Y.applyUpdate(doc, main.services.rooms.state(created.roomId))
      const before = Y.encodeStateVector(doc)
      doc.transact(() => {
        const meta = metaMap(doc)
        meta.set('createdAt', new Date(now - line.waitedHours * HOUR).toISOString())
        meta.set('status', line.status ?? 'swarming')
        if (line.owner) {
          ensureMember(
            doc,
            { memberId: line.owner.ownerId, name: line.owner.ownerName, color: '#0e7490' },
            'owner',
          )
          meta.set('ownerId', line.owner.ownerId)
        }
      })
      main.services.rooms.append(created.roomId, Y.encodeStateAsUpdate(doc, before))
      await handlers['cases:updateSummary']({ roomId: created.roomId, ...readLobbyLine(doc) })
      doc.destroy()
      // Each case's last activity a moment after the one before, so ties have one answer.
      await new Promise((done) => setTimeout(done, 10))
      return created.roomId
    }
    // Created oldest first: the later one has the latest activity among equals.
    await create('Normal, waiting 6 h (overdue)', 'normal', { waitedHours: 6, owner: OMAR })
    await create('Low, fresh', 'low', { waitedHours: 0.2, status: 'triage' })
    await create('High, waiting 2 h', 'high', { waitedHours: 2, owner: OMAR })
    await create('High, waiting 5 h (overdue)', 'high', {
      waitedHours: 5,
      swarmType: 'vip-incident',
    })
    await create('Urgent, fresh', 'urgent', { waitedHours: 0.1, status: 'triage' })
    await create('Resolved long ago', 'normal', { waitedHours: 30, status: 'resolved' })
    const archived = await create('Archived case', 'urgent', { waitedHours: 9 })
    await handlers['cases:setArchived']({ roomId: archived, archived: true })

    await page.setViewportSize({ width: 1440, height: 900 })
    await page.reload()
    const table = page.getByRole('table', { name: 'Your cases' })
    await table.waitFor()

    expect(await titles(page)).toEqual([
      'High, waiting 5 h (overdue)',
      'Normal, waiting 6 h (overdue)',
      'Urgent, fresh',
      'High, waiting 2 h',
      'Resolved long ago',
      'Low, fresh',
    ])
    const overdueRow = table.getByRole('row', { name: /Normal, waiting 6 h/ })
    expect(await overdueRow.textContent()).toContain('Omar Haddad')
    expect(await overdueRow.locator('.customer-waiting--late').textContent()).toContain('6 h')
    const dueRow = table.getByRole('row', { name: /High, waiting 2 h/ })
    expect(await dueRow.locator('.customer-waiting').getAttribute('class')).toBe(
      'customer-waiting customer-waiting--due',
    )
    expect(await page.getByRole('status').filter({ hasText: 'most urgent first' }).count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'lobby-cases.png') })

    // A column heading is a button; the sorted column says so with aria-sort.
    const priority = table.getByRole('columnheader', { name: 'Priority' })
    await priority.getByRole('button').click()
    expect(await priority.getAttribute('aria-sort')).toBe('descending')
    expect((await titles(page))[0]).toBe('Urgent, fresh')
    await priority.getByRole('button').press('Enter')
    expect(await priority.getAttribute('aria-sort')).toBe('ascending')
    expect((await titles(page))[0]).toBe('Low, fresh')
    expect(await table.getByRole('columnheader', { name: 'Owner' }).getAttribute('aria-sort')).toBe(
      null,
    )
    await page.getByRole('button', { name: 'Most urgent first' }).click()
    expect((await titles(page))[0]).toBe('High, waiting 5 h (overdue)')

    // The saved views, each with its count.
    expect(await viewButton(page, 'All open').textContent()).toBe('All open6')
    expect(await viewButton(page, 'Overdue').textContent()).toBe('Overdue2')
    expect(await viewButton(page, 'Waiting on us').textContent()).toBe('Waiting on us3')
    expect(await viewButton(page, 'Mine').textContent()).toBe('Mine4')
    expect(await viewButton(page, 'Archived').textContent()).toBe('Archived1')
    await viewButton(page, 'Overdue').click()
    expect(await viewButton(page, 'Overdue').getAttribute('aria-pressed')).toBe('true')
    expect(await titles(page)).toEqual([
      'High, waiting 5 h (overdue)',
      'Normal, waiting 6 h (overdue)',
    ])
    await viewButton(page, 'Mine').click()
    expect(await titles(page)).not.toContain('Normal, waiting 6 h (overdue)')
    await page.getByLabel('Swarm type').selectOption('vip-incident')
    expect(await titles(page)).toEqual(['High, waiting 5 h (overdue)'])
    expect(await page.getByRole('status').filter({ hasText: '1 of 4 cases' }).count()).toBe(1)
    await page.getByLabel('Swarm type').selectOption('any')
    await viewButton(page, 'All open').click()
    const statusOptions = await page.getByLabel('Status').locator('option').allTextContents()
    expect(statusOptions).toContain('Triage (2)')
    await page.getByLabel('Status').selectOption('triage')
    expect(await titles(page)).toEqual(['Urgent, fresh', 'Low, fresh'])
    await page.getByLabel('Status').selectOption('any')
    await viewButton(page, 'Archived').click()
    expect(await titles(page)).toEqual(['Archived case'])
    expect(errors).toEqual([])
  })

  it('starts a new case from its ticket, with no swarm type or priority chosen for the user', async () => {
    const { page, errors } = await apps.start(apps.folder())
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByLabel('Your display name').fill('Dana Whitfield')
    await page.getByRole('button', { name: 'Continue' }).click()
    await connectZendesk(page, zendesk)

    await page.getByRole('button', { name: 'New case' }).click()
    const dialog = page.getByRole('dialog', { name: 'New case' })
    // The ticket comes first, and has the focus.
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-describedby")')).toBe(
      'ticket-lookup-note',
    )
    expect(await dialog.getByLabel('Priority').inputValue()).toBe('')
    for (const radio of await dialog.getByRole('radio').all()) {
      expect(await radio.isChecked()).toBe(false)
    }
    const vip = dialog.getByRole('radio', { name: 'VIP incident' })
    expect(await vip.getAttribute('aria-describedby')).toBe('swarm-type-vip-incident-description')
    expect(await dialog.locator('#swarm-type-vip-incident-description').textContent()).toBe(
      'A key account is hurt right now and needs fast, regular updates.',
    )
    await page.screenshot({ path: join(SCREENSHOTS, 'new-case-dialog.png') })

    // Sent without choosing: it says what is missing, in words, and keeps what was typed.
    await dialog.getByLabel('Customer').fill('Acme Corp')
    await dialog.getByRole('button', { name: 'Create case' }).click()
    const problems = dialog.getByRole('alert')
    await expect.poll(() => problems.textContent()).toContain('Choose a priority.')
    expect(await problems.textContent()).toContain('Choose a swarm type.')
    expect(await problems.textContent()).toContain('Give the case a title')
    expect(await dialog.getByLabel('Customer').inputValue()).toBe('Acme Corp')
    await page.screenshot({ path: join(SCREENSHOTS, 'new-case-dialog-missing.png') })

    // Pasting the ticket's address reads it from the help desk: the subject becomes the title;
    // the customer typed above stays.
    await dialog.getByLabel('Ticket address or ID').fill(`${zendesk.url}/agent/tickets/48213`)
    await dialog.getByLabel('Ticket address or ID').press('Tab')
    const title = dialog.getByLabel('Title')
    await expect.poll(() => title.inputValue()).toBe('Invoices fail to export')
    // The title's message goes once there is a title; the others stay until chosen.
    expect(await problems.textContent()).not.toContain('Give the case a title')
    expect(await problems.textContent()).toContain('Choose a priority.')
    expect(await dialog.getByLabel('Customer').inputValue()).toBe('Acme Corp')
    expect(await dialog.getByRole('status').textContent()).toBe(
      'Filled in from Zendesk ticket 48213.',
    )
    await dialog.getByLabel('Customer').fill('')
    await dialog.getByLabel('Ticket address or ID').fill(`${zendesk.url}/agent/tickets/48213/`)
    await dialog.getByLabel('Ticket address or ID').press('Tab')
    await expect.poll(() => dialog.getByLabel('Customer').inputValue()).toBe('Maria Customer')
    await page.screenshot({ path: join(SCREENSHOTS, 'new-case-dialog-filled.png') })

    await dialog.getByLabel('Priority').selectOption('urgent')
    await vip.check()
    await dialog.getByRole('button', { name: 'Create case' }).click()
    const summary = page.getByRole('textbox', { name: 'Case summary', exact: true })
    await expect.poll(() => summary.isVisible()).toBe(true)
    expect(await page.getByLabel('Case title').inputValue()).toBe('Invoices fail to export')
    await page.getByRole('button', { name: 'Back to cases' }).click()
    const row = page.getByRole('row', { name: /Invoices fail to export/ })
    await row.waitFor()
    expect(await row.textContent()).toContain('Zendesk #48213')
    expect(await row.textContent()).toContain('Urgent')
    expect(await row.textContent()).toContain('Dana Whitfield')
    expect(errors).toEqual([])
  })
})
