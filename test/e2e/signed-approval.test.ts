/**
 * A peer holding the room key writes `approval.state = approved` for text the owner never
 * approved. The owner's window must not show it as an approval like any other: the approval bar
 * says it is unverified and offers to approve again, which the owner's key then signs.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { approvalMap, customerUpdateHash } from '../../src/shared/case/approval'
import { joinCase } from '../../src/shared/case/members'
import type { MainProcess } from './harness'
import { SCREENSHOTS, replaceSectionText } from './harness'
import { useApps } from './apps'

const DRAFT = 'We found why you were charged twice and are reversing the duplicates today.'
const mallory = { memberId: 'mallory', name: 'Mallory', color: '#111827' }

describe('a forged approval in the case room', () => {
  const apps = useApps()
  let main: MainProcess
  let page: Page
  let roomId: string

  beforeAll(async () => {
    ;({ main, page } = await apps.start(apps.folder()))
    await page.getByLabel('Your display name').fill('Dana Whitfield')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill('Acme Corp: invoices charged twice')
    await page.getByLabel('VIP incident').check()
    await page.getByLabel('Priority').selectOption('high')
    await page.getByRole('button', { name: 'Create case' }).click()
    await replaceSectionText(page, 'Customer update', DRAFT)
    roomId = main.services.app.data.cases[0]?.roomId ?? ''
  })

  function savedCase(): Y.Doc {
    return main.savedCase(roomId)
  }

  it('shows an approval nobody signed as unverified, and verifies the owner’s own', async () => {
    const approval = page.getByRole('group', { name: 'Approval' })
    await page.getByRole('button', { name: 'Back to cases' }).click()
    await expect
      .poll(() => savedCase().getXmlFragment('customerUpdate').toString())
      .toContain('twice')
    const doc = savedCase()
    const before = Y.encodeStateVector(doc)
    const danaId = main.services.app.data.identity?.memberId ?? ''
    joinCase(doc, mallory, 'contributor')
    doc.transact(() => {
      approvalMap(doc).set('state', 'approved')
      approvalMap(doc).set('approvedBy', danaId)
      approvalMap(doc).set('approvedAt', new Date().toISOString())
      approvalMap(doc).set('contentHash', customerUpdateHash(doc))
    })
    main.services.rooms.append(roomId, Y.encodeStateAsUpdate(doc, before))
    await page.getByRole('button', { name: /Acme Corp: invoices charged twice/ }).click()

    await expect.poll(() => approval.innerText()).toMatch(/unverified/i)
    expect(await approval.innerText()).toContain('not signed by the key of the member it names')
    await page
      .getByRole('region', { name: 'Customer update' })
      .screenshot({ path: join(SCREENSHOTS, 'signed-approval-forged.png') })

    await approval.getByRole('button', { name: 'Approve update' }).click()
    await expect.poll(() => approval.innerText()).toContain('Approved by you')
    await expect.poll(async () => /unverified/i.test(await approval.innerText())).toBe(false)
    await page
      .getByRole('region', { name: 'Customer update' })
      .screenshot({ path: join(SCREENSHOTS, 'signed-approval-verified.png') })
  })
})
