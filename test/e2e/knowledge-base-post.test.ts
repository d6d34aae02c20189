/**
 * Review's knowledge-base draft goes to the help desk as a draft article. With the case linked
 * to a Zendesk ticket, the dialog offers "Post as a draft to Zendesk"; before the connection
 * names a Help Center section, posting says in words what to add in Settings. Once the section
 * and permission group are filled in Settings → Help desks, posting again puts exactly one
 * draft article in Zendesk's Help Center, shows its link, and logs it in the case's timeline.
 */
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZendeskServer } from '../fixtures/help-desks/zendesk-server'
import { SCREENSHOTS, replaceSectionText } from './harness'
import { useApps } from './apps'

const TITLE = 'Acme: invoices charged twice'
const ARTICLE_TITLE = 'Invoices charged twice after a retried export'
const SCREEN = { width: 1440, height: 900 }

describe('posting the knowledge-base draft to the help desk', () => {
  const apps = useApps()
  let zendesk: ZendeskServer

  beforeAll(async () => {
    zendesk = await new ZendeskServer().listen()
  })

  afterAll(async () => {
    await zendesk?.close()
  })

  async function connectZendesk(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Settings' }).click()
    const helpDesks = page.getByRole('region', { name: 'Help desks' })
    await helpDesks.getByRole('button', { name: 'Add a help desk' }).click()
    const form = helpDesks.getByRole('form', { name: 'Add a help desk' })
    // Help Scout Docs: its collection, and its own API key, which is a secret.
    await form.getByLabel('Help desk').selectOption('helpscout')
    expect(await form.getByLabel('Docs collection ID').isVisible()).toBe(true)
    expect(await form.getByLabel('Docs API key').getAttribute('type')).toBe('password')
    expect(await form.getByLabel('Help Center section ID').count()).toBe(0)
    await form.getByLabel('Help desk').selectOption('zendesk')
    // Only Zendesk's knowledge-base settings, none of another vendor's.
    expect(await form.getByLabel('Help Center section ID').isVisible()).toBe(true)
    expect(await form.getByLabel('Docs API key').count()).toBe(0)
    expect(await form.getByLabel('Solution folder ID').count()).toBe(0)
    await form.getByLabel('Name').fill('Acme Zendesk')
    await form.getByLabel('Address').fill(zendesk.url)
    await form.getByLabel('Agent email').fill(zendesk.email)
    await form.getByLabel('API token').fill(zendesk.token)
    await form.getByRole('button', { name: 'Save and test' }).click()
    await expect
      .poll(() => helpDesks.getByRole('status').textContent())
      .toContain('Connected to Zendesk')
    await page.getByRole('button', { name: '← Cases' }).click()
  }

  it('says what to set up, then posts one draft article and logs its link', async () => {
    const dana = await apps.teammate('Dana Whitfield')
    const page = dana.page
    await page.setViewportSize(SCREEN)
    await connectZendesk(page)

    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill(TITLE)
    await page.getByLabel('Help desk').selectOption('zendesk')
    await page.getByLabel('Priority').selectOption('high')
    await page.getByLabel('VIP incident').check()
    await page.getByRole('button', { name: 'Create case' }).click()
    await page.getByRole('button', { name: 'Link ticket' }).click()
    await page.getByLabel('Ticket address').fill(`${zendesk.url}/agent/tickets/48213`)
    await page.getByLabel('Ticket address').press('Enter')
    await expect
      .poll(() => page.getByLabel('Ticket as read from the help desk').textContent())
      .toContain('Invoices fail to export')
    await replaceSectionText(page, 'Case summary', 'Acme was charged twice for 1,204 invoices.')
    await expect
      .poll(() => page.getByRole('status', { name: 'Saving' }).textContent())
      .toBe('Saved on this computer')

    await page.getByRole('button', { name: 'Review', exact: true }).click()
    await page.getByRole('button', { name: 'Draft knowledge-base article' }).click()
    const dialog = page.getByRole('dialog', { name: 'Draft knowledge-base article' })
    const post = dialog.getByRole('button', { name: 'Post as a draft to Zendesk' })
    await post.waitFor()
    await dialog.getByLabel('Article title').fill(ARTICLE_TITLE)

    // No Help Center section yet: the error says what to add, and where.
    await post.click()
    const problem = dialog.getByRole('alert')
    await expect
      .poll(() => problem.textContent(), { timeout: 20_000 })
      .toContain('Posting articles to the Zendesk Help Center is not set up for this connection')
    expect(await problem.textContent()).toContain('Add it in Settings → Help desks')
    expect(zendesk.articles).toEqual([])
    await page.screenshot({ path: join(SCREENSHOTS, 'knowledge-base-post-not-set-up.png') })
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()

    // The lead fills in the Help Center section and the group that may edit drafts.
    await page.getByRole('button', { name: 'Back to cases' }).click()
    await page.getByRole('button', { name: 'Settings' }).click()
    const helpDesks = page.getByRole('region', { name: 'Help desks' })
    await helpDesks
      .getByRole('listitem', { name: 'Acme Zendesk' })
      .getByRole('button', { name: 'Edit' })
      .click()
    const form = helpDesks.getByRole('form', { name: 'Change “Acme Zendesk”' })
    await form.getByLabel('Help Center section ID').fill('360001')
    await form.getByLabel('Help Center permission group ID').fill('9')
    await page.screenshot({ path: join(SCREENSHOTS, 'knowledge-base-post-settings.png') })
    await form.getByRole('button', { name: 'Save changes' }).click()
    await expect
      .poll(() => helpDesks.getByRole('status').textContent())
      .toContain('Connected to Zendesk')
    await page.getByRole('button', { name: '← Cases' }).click()
    await page.getByRole('button', { name: new RegExp(TITLE) }).click()
    await page.getByRole('button', { name: 'Review', exact: true }).click()
    await page.getByRole('button', { name: 'Draft knowledge-base article' }).click()
    await dialog.getByLabel('Article title').fill(ARTICLE_TITLE)
    await dialog.getByRole('button', { name: 'Post as a draft to Zendesk' }).click()
    const result = dialog.getByRole('status')
    await expect
      .poll(() => result.textContent(), { timeout: 20_000 })
      .toContain('Posted to Zendesk as a draft')
    const article = zendesk.articles[0]
    expect(zendesk.articles).toHaveLength(1)
    expect(article).toMatchObject({
      title: ARTICLE_TITLE,
      section_id: 360001,
      permission_group_id: 9,
      draft: true,
    })
    expect(article?.body).toContain('Acme was charged twice for 1,204 invoices.')
    const link = result.getByRole('link', { name: 'Open the draft in Zendesk' })
    expect(await link.getAttribute('href')).toBe(article?.html_url)
    await page.screenshot({ path: join(SCREENSHOTS, 'knowledge-base-post-posted.png') })
    const axe = await new AxeBuilder({ page })
      .include('.kb-dialog')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze()
    expect(axe.violations.map((violation) => violation.id)).toEqual([])

    // Asking again does not post it twice.
    expect(await dialog.getByRole('button', { name: /Post as a draft/ }).isDisabled()).toBe(true)
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()
    const timeline = page.getByRole('list', { name: 'Timeline entries at this moment' })
    await expect
      .poll(() => timeline.textContent(), { timeout: 20_000 })
      .toContain(
        `The knowledge-base article “${ARTICLE_TITLE}” was posted to Zendesk as a draft: ${article?.html_url}`,
      )
    await page.screenshot({ path: join(SCREENSHOTS, 'knowledge-base-post-timeline.png') })
    expect(zendesk.articles).toHaveLength(1)

    // Without a connection the draft is still copied or saved, and a line says how to connect.
    await page.getByRole('button', { name: 'Back to cases' }).click()
    await page.getByRole('button', { name: 'Settings' }).click()
    await helpDesks
      .getByRole('listitem', { name: 'Acme Zendesk' })
      .getByRole('button', { name: 'Remove' })
      .click()
    await page.getByRole('button', { name: 'Remove connection' }).click()
    await helpDesks.getByRole('listitem', { name: 'Acme Zendesk' }).waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '← Cases' }).click()
    await page.getByRole('button', { name: new RegExp(TITLE) }).click()
    await page.getByRole('button', { name: 'Review', exact: true }).click()
    await page.getByRole('button', { name: 'Draft knowledge-base article' }).click()
    await expect
      .poll(() => dialog.textContent())
      .toContain(
        'To post this as a draft article to Zendesk, connect Zendesk in Settings → Help desks.',
      )
    expect(await dialog.getByRole('button', { name: /Post as a draft/ }).count()).toBe(0)
    expect(await dialog.getByRole('button', { name: 'Save as file…' }).isVisible()).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'knowledge-base-post-no-connection.png') })
    expect(dana.errors).toEqual([])
  })
})
