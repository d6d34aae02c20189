/**
 * The leads' insights, in the app: a dozen cases over three weeks, some resolved, some with
 * customer updates sent, one reopened, tagged with causes (one of them from review mode, as a
 * lead does). The page shows the totals, the charts and the table; grouping by cause shows the
 * recurring one first; a filter narrows it; the CSV file has a line a case. Screenshots at
 * 1440×900 and 1024×700, light and dark.
 */
import { AxeBuilder } from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { approve } from '../../src/shared/case/approval'
import { setCauses } from '../../src/shared/case/causes'
import { section } from '../../src/shared/case/case-doc'
import { escalate, handOff } from '../../src/shared/case/handoff'
import { appendParagraphs } from '../../src/shared/case/rich-text'
import type { NewCase, SwarmType } from '../../src/shared/case/schema'
import { setStatus } from '../../src/shared/case/status'
import { markSent } from '../../src/shared/case/updates'
import { useApps } from './apps'
import type { Page } from 'playwright-core'
import { SCREENSHOTS, chooseName, type MainProcess } from './harness'

const MINUTE = 60_000
const NOW = new Date('2026-12-02T12:00:00.000Z')

interface Script {
  title: string
  opened: string
  swarmType: SwarmType
  /** Minutes after opening each customer update is sent. */
  updates: number[]
  /** Minutes after opening the case is resolved. */
  resolvedAfter?: number
  reopened?: boolean
  /** Escalated and handed off to billing (the owner acknowledging what is still missing). */
  escalated?: boolean
  causes: string[]
}

const SCRIPTS: Script[] = [
  {
    title: 'Acme: double charges',
    opened: '2026-11-16T09:00:00Z',
    swarmType: 'vip-incident',
    updates: [25, 200],
    resolvedAfter: 300,
    causes: ['Proration bug'],
  },
  {
    title: 'Initech: invoice totals off',
    opened: '2026-11-17T10:00:00Z',
    swarmType: 'cross-functional-blocker',
    updates: [45],
    resolvedAfter: 180,
    causes: ['Proration bug'],
  },
  {
    title: 'Globex: SSO logins fail',
    opened: '2026-11-18T08:30:00Z',
    swarmType: 'vip-incident',
    updates: [15, 120, 230],
    resolvedAfter: 260,
    causes: ['Expired SSO certificate'],
  },
  {
    title: 'Umbrella: exports time out',
    opened: '2026-11-19T13:00:00Z',
    swarmType: 'emerging-pattern',
    updates: [90],
    resolvedAfter: 1_500,
    escalated: true,
    causes: ['Slow export query'],
  },
  {
    title: 'Hooli: refunds not arriving',
    opened: '2026-11-23T09:15:00Z',
    swarmType: 'sensitive-complaint',
    updates: [30, 400],
    resolvedAfter: 600,
    reopened: true,
    causes: ['Proration bug'],
  },
  {
    title: 'Stark: API keys rotated',
    opened: '2026-11-24T11:00:00Z',
    swarmType: 'cross-functional-blocker',
    updates: [20],
    resolvedAfter: 95,
    causes: [],
  },
  {
    title: 'Wayne: webhook retries',
    opened: '2026-11-25T15:00:00Z',
    swarmType: 'emerging-pattern',
    updates: [60, 150],
    resolvedAfter: 320,
    causes: ['Slow export query'],
  },
  {
    title: 'Cyberdyne: seats miscounted',
    opened: '2026-11-26T09:00:00Z',
    swarmType: 'other',
    updates: [],
    resolvedAfter: 2_000,
    causes: ['Proration bug'],
  },
  {
    title: 'Soylent: login loops',
    opened: '2026-11-30T08:00:00Z',
    swarmType: 'vip-incident',
    updates: [10, 70],
    resolvedAfter: 140,
    causes: [],
  },
  {
    title: 'Tyrell: data residency question',
    opened: '2026-11-30T14:00:00Z',
    swarmType: 'other',
    updates: [120],
    causes: [],
  },
  {
    title: 'Vandelay: import stuck',
    opened: '2026-12-01T10:00:00Z',
    swarmType: 'emerging-pattern',
    updates: [35],
    causes: ['Slow export query'],
  },
  {
    title: 'Oscorp: plan downgrade charged',
    opened: '2026-12-02T07:00:00Z',
    swarmType: 'cross-functional-blocker',
    updates: [],
    causes: [],
  },
]

function newCase({ title, swarmType }: Script): NewCase {
  return {
    title,
    ticket: { system: 'zendesk', id: '', url: '' },
    customer: title.split(':')[0] ?? '',
    priority: 'high',
    swarmType,
  }
}

/** Writes the script into a new case on the member's computer, on the case's own clock. */
async function seed(main: MainProcess, memberId: string, script: Script): Promise<string> {
  const opened = Date.parse(script.opened)
  const at = (minutes: number): Date => new Date(opened + minutes * MINUTE)
  main.services.now = () => at(0)
  const { roomId } = await main.services.handlers['cases:create'](newCase(script))
  const doc = new Y.Doc({ gc: false })
  Y.applyUpdate(doc, main.services.rooms.state(roomId))
  const before = Y.encodeStateVector(doc)
  setStatus(doc, memberId, 'swarming', at(2))
  for (const [index, minutes] of script.updates.entries()) {
    const update = section(doc, 'customerUpdate')
    doc.transact(() => {
      update.delete(0, update.length)
      appendParagraphs(update, [`Update ${index + 1} for ${script.title}.`])
    })
    approve(doc, memberId, undefined, at(minutes))
    markSent(doc, memberId, { via: 'manual', now: at(minutes) })
  }
  if (script.escalated) {
    escalate(doc, memberId, { acknowledgeGaps: true, now: at(100) })
    handOff(doc, memberId, { to: 'Billing team', acknowledgeGaps: true, now: at(110) })
  }
  if (script.resolvedAfter !== undefined) {
    setStatus(doc, memberId, 'resolved', at(script.resolvedAfter))
  }
  if (script.reopened && script.resolvedAfter !== undefined) {
    setStatus(doc, memberId, 'swarming', at(script.resolvedAfter + 30))
    setStatus(doc, memberId, 'resolved', at(script.resolvedAfter + 90))
  }
  if (script.causes.length > 0) setCauses(doc, memberId, script.causes)
  main.services.rooms.append(roomId, Y.encodeStateAsUpdate(doc, before))
  doc.destroy()
  return roomId
}

/** WCAG 2.1 A and AA problems axe finds on the page, as `rule: element`. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  )
}

describe('insights across cases', () => {
  const apps = useApps()

  it('shows a lead how swarms went, by week and by cause, and saves them as CSV', async () => {
    const app = await apps.start(apps.folder())
    const { page, main, errors } = app
    await chooseName(page, 'Lena Park')
    const memberId = main.services.app.data.identity?.memberId ?? ''
    const roomIds: string[] = []
    for (const script of SCRIPTS) roomIds.push(await seed(main, memberId, script))
    main.services.now = () => NOW

    // A lead tags the last case from review mode.
    await page.evaluate(`location.hash = '#/case/${roomIds.at(-1) ?? ''}'`)
    await page.getByRole('button', { name: 'Review', exact: true }).click()
    const causes = page.getByRole('region', { name: 'What caused it' })
    await causes.getByLabel('Add a cause').fill('proration BUG')
    await causes.getByRole('button', { name: 'Add' }).click()
    await expect
      .poll(() => causes.getByRole('list', { name: 'Causes' }).textContent())
      .toContain('proration BUG')
    await expect
      .poll(() => main.services.rooms.readState(roomIds.at(-1) ?? '')?.byteLength ?? 0)
      .toBeGreaterThan(0)

    await page.evaluate(`location.hash = '#/'`)
    await page.getByRole('button', { name: 'Insights' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Insights')
    const table = page.getByRole('table')
    const rows = table.getByRole('row')
    await expect.poll(() => rows.count()).toBe(4) // the heading and three weeks
    expect(await rows.nth(1).getByRole('rowheader').textContent()).toBe('Week of 2026-11-16')
    const tiles = page.getByRole('region', { name: 'Totals' })
    expect(await tiles.textContent()).toContain('Cases12')
    // Median time to the first update over the ten cases that sent one: (30 + 35) / 2 minutes.
    expect(await tiles.textContent()).toContain('Time to first customer update32 min')
    expect(await tiles.textContent()).toContain('Reopened1')
    expect(await tiles.textContent()).toContain('Escalations0.1per case')
    const charts = page.getByRole('img', { name: /Cases by week/ })
    expect(await charts.getAttribute('aria-label')).toContain('23 Nov: 4')
    expect(await page.locator('.bar-chart canvas').count()).toBe(3)
    await page.screenshot({ path: join(SCREENSHOTS, 'insights-by-week.png') })

    // By cause: the recurring one first, with the case tagged in review counted under it.
    await page.getByLabel('Group by').selectOption('cause')
    await expect.poll(() => rows.nth(1).getByRole('rowheader').textContent()).toBe('Proration bug')
    expect(await rows.nth(1).getByRole('cell').first().textContent()).toBe('5')
    expect(await rows.nth(2).getByRole('rowheader').textContent()).toBe('Slow export query')
    expect(await rows.last().getByRole('rowheader').textContent()).toBe('No cause given')
    await page.screenshot({ path: join(SCREENSHOTS, 'insights-by-cause.png') })

    // Narrowed to one swarm type, then saved for a spreadsheet.
    await page.getByLabel('Swarm type').selectOption('vip-incident')
    await expect.poll(() => tiles.textContent()).toContain('Cases3')
    await page.getByRole('button', { name: 'Save as CSV' }).click()
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).textContent())
      .toContain('Saved 3 cases to')
    const csv = readFileSync(main.desktop.savedFiles.at(-1) ?? '', 'utf8')
      .trim()
      .split('\r\n')
    expect(csv).toHaveLength(4)
    expect(
      csv
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(['Acme: double charges', 'Globex: SSO logins fail', 'Soylent: login loops'])

    await page.getByLabel('Swarm type').selectOption('')
    await page.getByLabel('Group by').selectOption('week')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: join(SCREENSHOTS, 'insights-1440-light.png') })
    expect(await violations(page)).toEqual([])
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: join(SCREENSHOTS, 'insights-1440-dark.png') })
    expect(await violations(page)).toEqual([])
    await page.emulateMedia({ colorScheme: 'light' })
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.screenshot({ path: join(SCREENSHOTS, 'insights-1024-light.png'), fullPage: true })
    expect(errors).toEqual([])
  })
})
