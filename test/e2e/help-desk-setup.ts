/** Settings → Help desks, as an agent fills it in: connects the local Zendesk-like server. */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { ZendeskServer } from '../fixtures/help-desks/zendesk-server'

/** Adds the local Zendesk as "Acme Zendesk", waits until it tested well, and goes back to the lobby. */
export async function connectZendesk(page: Page, zendesk: ZendeskServer): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  const helpDesks = page.getByRole('region', { name: 'Help desks' })
  await helpDesks.getByRole('button', { name: 'Add a help desk' }).click()
  const form = helpDesks.getByRole('form', { name: 'Add a help desk' })
  await form.getByLabel('Help desk').selectOption('zendesk')
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
