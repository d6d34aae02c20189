/**
 * The foundation's promise, end to end in Chromium: an agent creates a case, writes in every
 * section and the timeline, quits, starts the app again and finds every keystroke.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PROMPTS_MIGRATED_KEY, metaMap, section } from '../../src/shared/case/case-doc'
import { appendParagraphs, fragmentToPlainText } from '../../src/shared/case/rich-text'
import { SECTION_NAMES, SECTION_TITLES } from '../../src/shared/case/schema'
import { SWARM_PROMPTS } from '../../src/shared/case/templates'
import { useApps } from './apps'
import { SCREENSHOTS, quitApp, replaceSectionText } from './harness'

const SECTION_TEXT: Record<(typeof SECTION_NAMES)[number], string> = {
  summary: 'Acme was charged twice for 1,204 invoices after the 14 Nov plan migration.',
  impact: 'Finance team blocked from closing the month; renewal call on Friday.',
  history: 'Ticket 47110 in October had the same proration bug, fixed by a resync.',
  expertise: 'Billing engineer to confirm the proration job; account owner for credits.',
  customerUpdate: 'We found the cause of the duplicate charges and are reversing them today.',
  postIncident: 'Add a proration check to the plan migration runbook.',
}

describe('a case survives a restart with everything typed into it', () => {
  const apps = useApps()

  it('creates a case, fills every section and the timeline, restarts and finds it all', async () => {
    const folder = apps.folder()
    let app = await apps.start(folder)
    let { page } = app

    await page.getByLabel('Your display name').fill('Dana Whitfield')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'No cases yet' }).isVisible())
      .toBe(true)

    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill('Acme Corp: invoices charged twice after plan change')
    await page.getByLabel('Help desk').selectOption('zendesk')
    await page
      .getByLabel('Ticket address or ID')
      .fill('https://acme.zendesk.com/agent/tickets/48213')
    await page.getByLabel('Customer').fill('Acme Corp')
    await page.getByLabel('Priority').selectOption('urgent')
    await page.getByLabel('VIP incident').check()
    await page.screenshot({ path: join(SCREENSHOTS, 'new-case.png') })
    await page.getByRole('button', { name: 'Create case' }).click()

    const summary = page.getByRole('textbox', { name: 'Case summary', exact: true })
    await expect.poll(() => summary.getAttribute('aria-placeholder')).toContain('In one sentence')

    for (const name of SECTION_NAMES) {
      await replaceSectionText(page, SECTION_TITLES[name], SECTION_TEXT[name])
    }

    const timeline = page.getByRole('region', { name: 'Actions taken' })
    const addEntry = async (kind: string, text: string, outcome: string): Promise<void> => {
      await timeline.getByLabel('Kind').first().selectOption(kind)
      await timeline.getByLabel('What happened').first().fill(text)
      await timeline.getByLabel('Outcome').first().fill(outcome)
      await timeline.getByRole('button', { name: 'Add to timeline' }).click()
    }
    await addEntry('tried', 'Re-ran the invoice sync for Acme', 'Duplicates remained')
    await addEntry('found', 'Proration job ran twice during the migration', 'Root cause')
    await addEntry('note', 'Temporary note to remove', '')

    const entries = timeline.getByRole('listitem')
    await expect.poll(() => entries.count()).toBe(3)
    const found = entries.filter({ hasText: 'Proration job ran twice' })
    await found.getByRole('button', { name: 'Edit' }).click()
    await timeline
      .getByLabel('What happened')
      .nth(1)
      .fill('Proration job ran twice for 1,204 invoices')
    await timeline.getByRole('button', { name: 'Save entry' }).click()
    const note = entries.filter({ hasText: 'Temporary note to remove' })
    await note.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('button', { name: 'Delete entry' }).click()
    await expect.poll(() => entries.count()).toBe(2)

    await page.getByLabel('Status').selectOption('swarming')
    await expect
      .poll(() => page.getByRole('status', { name: 'Saving' }).textContent())
      .toBe('Saved on this computer')
    await page.screenshot({ path: join(SCREENSHOTS, 'room.png'), fullPage: true })

    // Quit: the window goes, main saves what is pending and closes every log.
    await quitApp(app)
    expect(app.errors).toEqual([])
    app = await apps.start(folder)
    ;({ page } = app)

    const row = page.getByRole('row', { name: /Acme Corp: invoices charged twice/ })
    await expect.poll(() => row.textContent()).toContain('Zendesk #48213')
    expect(await row.textContent()).toContain('VIP incident')
    expect(await row.textContent()).toContain('Swarming')
    await page.screenshot({ path: join(SCREENSHOTS, 'lobby.png') })

    await row.getByRole('button', { name: /Acme Corp/ }).click()
    for (const name of SECTION_NAMES) {
      const editor = page.getByRole('textbox', { name: SECTION_TITLES[name], exact: true })
      await expect.poll(() => editor.textContent()).toBe(SECTION_TEXT[name])
    }
    const reopened = page.getByRole('region', { name: 'Actions taken' }).getByRole('listitem')
    // The two entries left, and the status change, which the app logs with who made it.
    await expect.poll(() => reopened.count()).toBe(3)
    const texts = await reopened.allTextContents()
    expect(texts.join('\n')).toContain('Dana Whitfield moved the case from Triage to Swarming.')
    expect(texts.join('\n')).toContain('Proration job ran twice for 1,204 invoices')
    expect(texts.join('\n')).toContain('edited')
    expect(texts.join('\n')).toContain('Re-ran the invoice sync for Acme')
    expect(texts.join('\n')).not.toContain('Temporary note to remove')
    expect(await page.getByLabel('Status').inputValue()).toBe('swarming')
    expect(await page.getByLabel('Case title').inputValue()).toBe(
      'Acme Corp: invoices charged twice after plan change',
    )
    await page.screenshot({ path: join(SCREENSHOTS, 'room-after-restart.png'), fullPage: true })
    expect(app.errors).toEqual([])
  })
  it("shows the swarm type's prompt in an empty section, and typing gives exactly what was typed", async () => {
    const { main, page, errors } = await apps.start(apps.folder())
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByLabel('Your display name').fill('Dana Whitfield')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill('Initech: exports time out for the finance team')
    await page.getByLabel('Help desk').selectOption('zendesk')
    await page.getByLabel('Ticket address or ID').fill('48300')
    await page.getByLabel('Customer').fill('Initech')
    await page.getByLabel('Priority').selectOption('normal')
    await page.getByLabel('Emerging pattern').check()
    await page.getByRole('button', { name: 'Create case' }).click()

    // Every section is empty and shows its prompt as the editor's grey placeholder.
    const prompts = SWARM_PROMPTS['emerging-pattern']
    for (const name of SECTION_NAMES) {
      const editor = page.getByRole('textbox', { name: SECTION_TITLES[name], exact: true })
      await expect.poll(() => editor.getAttribute('aria-placeholder')).toBe(prompts[name])
      expect(await editor.textContent()).toBe('')
    }
    const empty = page.locator('[data-section="summary"] p.is-editor-empty')
    expect(await empty.getAttribute('data-placeholder')).toBe(prompts.summary)
    const shown = await empty.evaluate((paragraph) => {
      const before = paragraph.ownerDocument.defaultView?.getComputedStyle(paragraph, '::before')
      return { content: before?.content, color: before?.color }
    })
    expect(shown.content).toBe(JSON.stringify(prompts.summary))
    expect(shown.color).toBe('rgb(91, 100, 114)')
    await page.screenshot({ path: join(SCREENSHOTS, 'placeholder-empty-case.png') })

    const summary = page.getByRole('textbox', { name: 'Case summary', exact: true })
    await summary.click()
    await page.keyboard.type('Hello')
    await expect.poll(() => summary.textContent()).toBe('Hello')
    expect(await page.locator('[data-section="summary"] p.is-editor-empty').count()).toBe(0)
    await expect
      .poll(() => page.getByRole('status', { name: 'Saving' }).textContent())
      .toBe('Saved on this computer')
    await page.screenshot({ path: join(SCREENSHOTS, 'placeholder-typed-hello.png') })

    // What the case holds on disk is exactly the typed word, in one paragraph.
    await page.getByRole('button', { name: 'Back to cases' }).click()
    const roomId = main.services.app.data.cases[0]?.roomId ?? ''
    const { state } = await main.services.handlers['room:load']({ roomId })
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, state)
    expect(section(doc, 'summary').toJSON()).toBe('<paragraph>Hello</paragraph>')
    for (const name of SECTION_NAMES.filter((other) => other !== 'summary')) {
      expect(section(doc, name).toJSON()).toBe('')
    }
    await main.services.handlers['room:close']({ roomId })
    doc.destroy()
    expect(errors).toEqual([])
  })
  it('removes, once, the prompts an earlier version wrote into a case when its owner opens it', async () => {
    const { main, page, errors } = await apps.start(apps.folder())
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByLabel('Your display name').fill('Dana Whitfield')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill('Hooli: password resets never arrive')
    await page.getByLabel('Ticket address or ID').fill('48400')
    await page.getByLabel('Customer').fill('Hooli')
    await page.getByLabel('Priority').selectOption('high')
    await page.getByLabel('Sensitive complaint').check()
    await page.getByRole('button', { name: 'Create case' }).click()
    await page.getByRole('button', { name: 'Back to cases' }).click()

    // The case as an earlier version left it: every section opened with its prompt in italics,
    // and someone typed on after the summary's prompt.
    const roomId = main.services.app.data.cases[0]?.roomId ?? ''
    const prompts = SWARM_PROMPTS['sensitive-complaint']
    const old = main.savedCase(roomId)
    const before = Y.encodeStateVector(old)
    old.transact(() => {
      metaMap(old).delete(PROMPTS_MIGRATED_KEY)
      for (const name of SECTION_NAMES) {
        appendParagraphs(section(old, name), [prompts[name] ?? ''], ['italic'])
      }
      const summary = (section(old, 'summary').get(0) as Y.XmlElement).get(0) as Y.XmlText
      summary.insert(summary.length, ' Hooli says: "we are locked out again".')
    })
    const update = Y.encodeStateAsUpdate(old, before)
    main.services.rooms.append(roomId, update)
    main.services.emit('room:update', { roomId, update })
    old.destroy()

    await page.getByRole('button', { name: /Hooli: password resets/ }).click()
    const impact = page.getByRole('textbox', { name: 'Customer impact', exact: true })
    await expect.poll(() => impact.textContent()).toBe('')
    expect(await impact.getAttribute('aria-placeholder')).toBe(prompts.impact)
    const summary = page.getByRole('textbox', { name: 'Case summary', exact: true })
    expect(await summary.textContent()).toBe(
      `${prompts.summary} Hooli says: "we are locked out again".`,
    )
    const timeline = page.getByRole('region', { name: 'Actions taken' })
    const logged = 'Template prompts nobody had written over were removed from Customer impact'
    await expect.poll(() => timeline.innerText()).toContain(logged)
    await page.screenshot({ path: join(SCREENSHOTS, 'placeholder-migrated-case.png') })

    // Opened again: nothing more to do, and still one entry.
    await page.getByRole('button', { name: 'Back to cases' }).click()
    await page.getByRole('button', { name: /Hooli: password resets/ }).click()
    await expect
      .poll(() => page.getByRole('status', { name: 'Saving' }).textContent())
      .toBe('Saved on this computer')
    const saved = main.savedCase(roomId)
    const entries = saved
      .getArray<Y.Map<unknown>>('actions')
      .toArray()
      .filter((entry) => entry.get('kind') === 'prompts-removed')
    expect(entries).toHaveLength(1)
    expect(metaMap(saved).get(PROMPTS_MIGRATED_KEY)).toBe(true)
    expect(fragmentToPlainText(section(saved, 'customerUpdate'))).toBe('')
    saved.destroy()
    expect(errors).toEqual([])
  })
})
