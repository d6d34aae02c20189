/**
 * A case whose timeline has grown to hundreds of entries: the timeline puts in the page only
 * the entries near what is in view (so opening the case does not build and lay out all of
 * them), and still every entry can be scrolled to, reached with Tab and from a notification,
 * and edited without losing the draft when it scrolls out of view.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAction } from '../../src/shared/case/timeline'
import { useApps } from './apps'
import { SCREENSHOTS, chooseName } from './harness'

const ENTRIES = 400

describe('a long timeline', () => {
  const apps = useApps()

  it('shows the entries in view, walks past them with Tab, reaches the oldest and keeps an edit', async () => {
    const app = await apps.start(apps.folder())
    const { page, main, errors } = app
    await chooseName(page, 'Dana Whitfield')
    const identity = await main.services.handlers['identity:get'](undefined)
    const created = await main.services.handlers['cases:create']({
      title: 'Globex: webhooks retried for a week',
      ticket: { system: 'zendesk', id: '51200', url: '' },
      customer: 'Globex',
      priority: 'high',
      swarmType: 'other',
    })
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, main.services.rooms.state(created.roomId))
    const before = Y.encodeStateVector(doc)
    const ids: string[] = []
    for (let entry = 1; entry <= ENTRIES; entry++) {
      ids.push(
        addAction(
          doc,
          identity?.memberId ?? '',
          { kind: 'tried', text: `Attempt ${entry}: replayed the webhook queue`, outcome: '' },
          new Date(Date.UTC(2026, 10, 1) + entry * 60_000),
        ),
      )
    }
    main.services.rooms.append(created.roomId, Y.encodeStateAsUpdate(doc, before))
    doc.destroy()
    // The entries were written to disk behind the page's back: the background sync may have
    // loaded the new case before they were, so the page starts again and reads it from disk.
    await page.reload()

    await page.evaluate(`location.hash = '#/case/${created.roomId}'`)
    const timeline = page.getByRole('region', { name: 'Actions taken' })
    const panel = page.getByRole('tabpanel', { name: 'Timeline' })
    const entries = timeline.getByRole('listitem')
    await expect.poll(() => entries.first().textContent()).toContain('Attempt 400:')
    const shownAtOpen = await entries.count()
    expect(shownAtOpen).toBeGreaterThan(0)
    expect(shownAtOpen).toBeLessThan(ENTRIES / 4)
    // Assistive technology still hears where each entry stands in the whole list.
    expect(await entries.first().getAttribute('aria-setsize')).toBe(String(ENTRIES))
    expect(await entries.first().getAttribute('aria-posinset')).toBe('1')
    await page.screenshot({ path: join(SCREENSHOTS, 'long-timeline.png') })

    // Tab walks on past the entries that were in the page at open: each one it reaches is.
    await entries.first().getByRole('button', { name: 'Edit' }).focus()
    const focusedEntry =
      "document.activeElement?.closest('[aria-posinset]')?.getAttribute('aria-posinset')"
    for (let press = 0; press < 2 * shownAtOpen + 4; press++) await page.keyboard.press('Tab')
    expect(Number(await page.evaluate(focusedEntry))).toBeGreaterThan(shownAtOpen + 1)
    await panel.evaluate((element) => element.scrollTo({ top: 0 }))

    // An edit is started near the top, then the list is scrolled to its oldest entry.
    const newest = entries.filter({ hasText: 'Attempt 400:' })
    await newest.getByRole('button', { name: 'Edit' }).click()
    await timeline.getByLabel('What happened').nth(1).fill('Replayed the queue, half-typed')
    await panel.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await expect
      .poll(() => entries.filter({ hasText: 'Attempt 1:' }).count(), { timeout: 10_000 })
      .toBe(1)
    expect(await entries.count()).toBeLessThan(ENTRIES / 4)
    await page.screenshot({ path: join(SCREENSHOTS, 'long-timeline-oldest.png') })
    await panel.evaluate((element) => element.scrollTo({ top: 0 }))
    await expect
      .poll(() => timeline.getByLabel('What happened').nth(1).textContent())
      .toBe('Replayed the queue, half-typed')
    await timeline.getByRole('button', { name: 'Save entry' }).click()
    await expect.poll(() => entries.first().textContent()).toContain('half-typed')

    // A notification about an entry far down the list opens the case there, focused.
    const target = ids[19] ?? ''
    await main.services.handlers['app:notify']({
      roomId: created.roomId,
      title: 'Omar Haddad commented on an entry',
      body: 'Attempt 20',
      place: `action:${target}`,
    })
    main.desktop.notifications.at(-1)?.onClick()
    await expect
      .poll(() => page.evaluate("document.activeElement?.getAttribute('data-action-id')"))
      .toBe(target)
    expect(await page.evaluate('document.activeElement?.textContent')).toContain('Attempt 20:')
    await page.screenshot({ path: join(SCREENSHOTS, 'long-timeline-revealed.png') })
    expect(errors).toEqual([])
  })
})
