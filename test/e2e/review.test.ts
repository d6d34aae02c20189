/**
 * The lead's review, end to end in Chromium: a case is written by its creator and a teammate
 * (the teammate scripted in this process, writing into the case's log as another app would),
 * resolved, and reviewed: authorship colours, the history slider, a comment anchored to text,
 * the knowledge-base draft and the sign-off. Then search from the lobby finds the case by a
 * word in a section, and a clicked notification opens the case where it points.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { registerAuthor } from '../../src/shared/case/authorship'
import { MEMBER_COLORS } from '../../src/shared/case/member-colors'
import { joinCase, type MemberIdentity } from '../../src/shared/case/members'
import {
  acceptOwnershipSigned,
  offerOwnershipSigned,
} from '../../src/shared/case/signatures/signed-decisions'
import { newDevice } from '../shared/case/signatures/device-signer'
import { textNodes } from '../../src/shared/case/rich-text'
import { setMemberRole } from '../../src/shared/case/roles'
import { addAction } from '../../src/shared/case/timeline'
import type { MainProcess } from './harness'
import { SCREENSHOTS, replaceSectionText } from './harness'
import { useApps } from './apps'

const SUMMARY = 'Globex agents cannot log in with SSO since the certificate rotation on Monday.'
const DANA_ADDS = ' The IdP still signs with the old certificate.'
const IMPACT = 'About 400 agents are locked out; the renewal review is next week.'
const LESSON = 'Re-import the IdP metadata whenever the certificate is rotated.'

describe("the lead's review of a resolved case", () => {
  const apps = useApps()
  let main: MainProcess
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    ;({ main, page, errors } = await apps.start(apps.folder()))
  })

  /** Dana, in her own app, joins, takes the case over, makes Lena the lead and writes. */
  async function danaWorksOnTheCase(roomId: string, lenaId: string): Promise<MemberIdentity> {
    const lenaColor = main.services.app.data.identity?.color
    const color = MEMBER_COLORS.find((candidate) => candidate !== lenaColor) ?? MEMBER_COLORS[0]
    const dana: MemberIdentity = { memberId: 'dana-whitfield', name: 'Dana Whitfield', color }
    const { state } = await main.services.handlers['room:load']({ roomId })
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, state)
    const before = Y.encodeStateVector(doc)
    registerAuthor(doc, dana.memberId)
    const danaKey = await newDevice()
    joinCase(doc, { ...dana, publicKey: danaKey.publicKey }, 'contributor')
    // Lena offers the case to Dana from her own window (signed by her app's key, in main);
    // scripted here in one go, Dana accepting with her own key.
    const lenaSigning = {
      caseRoom: roomId,
      sign: async (payload: string) =>
        (await main.services.handlers['identity:sign']({ payload })).signature,
    }
    await offerOwnershipSigned(doc, lenaId, dana.memberId, lenaSigning)
    await acceptOwnershipSigned(doc, dana.memberId, danaKey.signing(roomId))
    setMemberRole(doc, dana.memberId, lenaId, 'lead', '')
    const summary = textNodes(doc.getXmlFragment('summary'))[0]
    summary?.insert(summary.length, DANA_ADDS)
    addAction(doc, dana.memberId, {
      kind: 'found',
      text: 'The IdP metadata was never re-imported after the rotation',
      outcome: 'Globex IT re-imported it; logins work again',
    })
    const update = Y.encodeStateAsUpdate(doc, before)
    await main.services.handlers['room:append']({ roomId, update })
    await main.services.handlers['room:close']({ roomId })
    doc.destroy()
    return dana
  }

  it('reviews the case with colours and history, comments, drafts the article and signs off', async () => {
    await page.getByLabel('Your display name').fill('Lena Park')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Title').fill('Globex: SSO logins fail after certificate rotation')
    await page.getByLabel('Help desk').selectOption('zendesk')
    await page.getByLabel('Ticket address or ID').fill('51002')
    await page.getByLabel('Customer').fill('Globex')
    await page.getByLabel('Cross-functional blocker').check()
    await page.getByLabel('Priority').selectOption('high')
    await page.getByRole('button', { name: 'Create case' }).click()
    await replaceSectionText(page, 'Case summary', SUMMARY)
    await replaceSectionText(page, 'Customer impact', IMPACT)
    await expect
      .poll(() => page.getByRole('status', { name: 'Saving' }).textContent())
      .toBe('Saved on this computer')
    await page.getByRole('button', { name: 'Back to cases' }).click()

    const roomId = main.services.app.data.cases[0]?.roomId ?? ''
    const lenaId = main.services.app.data.identity?.memberId ?? ''
    await danaWorksOnTheCase(roomId, lenaId)

    await page.getByRole('button', { name: /Globex: SSO logins fail/ }).click()
    const summary = page.getByRole('textbox', { name: 'Case summary', exact: true })
    await expect.poll(() => summary.textContent()).toBe(SUMMARY + DANA_ADDS)
    await page.getByLabel('Status').selectOption('resolved')
    await page.getByRole('button', { name: 'Review', exact: true }).click()

    // Authorship: Lena's words and Dana's in different colours, and a legend with shares.
    const reviewSummary = page.locator('[data-review-section="summary"]')
    await expect.poll(() => reviewSummary.textContent()).toBe(SUMMARY + DANA_ADDS)
    const authors = await reviewSummary
      .locator('span.author')
      .evaluateAll((spans) =>
        spans.map((span) => ({ text: span.textContent, class: span.className })),
      )
    const lenaSpan = authors.find((span) => span.text?.includes('cannot log in'))
    const danaSpan = authors.find((span) => span.text?.includes('old certificate'))
    expect(lenaSpan?.class).toMatch(/member-color-[0-9]/)
    expect(danaSpan?.class).toMatch(/member-color-[0-9]/)
    expect(danaSpan?.class).not.toBe(lenaSpan?.class)
    const legend = page.getByRole('region', { name: 'Who wrote it' })
    expect(await legend.textContent()).toMatch(/Lena Park\d+%/)
    expect(await legend.textContent()).toMatch(/Dana Whitfield\d+%/)
    const backgrounds = await reviewSummary
      .locator('span.author')
      .evaluateAll((spans) =>
        spans.map((span) => span.ownerDocument.defaultView?.getComputedStyle(span).backgroundColor),
      )
    expect(new Set(backgrounds).size).toBeGreaterThan(1)
    expect(backgrounds).not.toContain('rgba(0, 0, 0, 0)')
    await page.screenshot({ path: join(SCREENSHOTS, 'review-mode.png'), fullPage: true })

    // History: back to the moment Dana joined, before she wrote.
    const slider = page.getByRole('slider', { name: 'History' })
    const moment = page.locator('.history-slider__moment')
    await slider.focus()
    await page.keyboard.press('Home')
    // The first moment kept is Lena's typing, kept when she stopped: it shows what she wrote
    // before anyone joined, not an empty case. Events keep theirs.
    expect(await moment.textContent()).toContain('Lena Park was writing in Case summary')
    await expect.poll(() => reviewSummary.textContent()).toBe(SUMMARY)
    expect(await page.locator('[data-review-section="impact"]').textContent()).toBe(IMPACT)
    for (let step = 0; step < 20; step++) {
      if ((await moment.textContent())?.includes('Dana Whitfield joined')) break
      await page.keyboard.press('ArrowRight')
    }
    expect(await moment.textContent()).toContain('Dana Whitfield joined the case.')
    await expect.poll(() => reviewSummary.textContent()).toBe(SUMMARY)
    const pastTimeline = page.getByRole('region', { name: 'Timeline at this moment' })
    expect(await pastTimeline.textContent()).toContain('Dana Whitfield joined the case.')
    expect(await pastTimeline.textContent()).not.toContain('metadata was never re-imported')
    expect(await page.locator('.review__bar .status').textContent()).toBe('Triage')
    await page.screenshot({ path: join(SCREENSHOTS, 'review-history.png'), fullPage: true })
    await page.keyboard.press('End')
    await expect.poll(() => reviewSummary.textContent()).toBe(SUMMARY + DANA_ADDS)
    expect(await moment.textContent()).toContain('Now')

    // Signing off before anyone wrote post-incident notes asks first, and can be called off.
    await page.getByRole('button', { name: 'Sign off review' }).click()
    const warning = page.getByRole('region', { name: 'Sign-off' }).getByRole('alert')
    await expect
      .poll(() => warning.textContent())
      .toContain('Nobody has written post-incident notes')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: join(SCREENSHOTS, 'review-sign-off-warning.png') })
    await page.setViewportSize({ width: 1440, height: 1000 })
    await warning.getByRole('button', { name: 'Cancel' }).click()
    expect(await page.getByRole('region', { name: 'Sign-off' }).textContent()).not.toContain(
      'Signed off',
    )
    expect(await page.getByLabel('Status').inputValue()).toBe('resolved')

    // The lead edits in review mode; her words are coloured as hers once she stops.
    await page.getByRole('button', { name: 'Edit', exact: true }).click()
    await replaceSectionText(page, 'Post-incident notes', LESSON)
    await page.getByRole('button', { name: 'Stop editing' }).click()
    const lesson = page.locator('[data-review-section="postIncident"] span.author')
    await expect.poll(() => lesson.first().textContent()).toBe(LESSON)
    expect(await lesson.first().getAttribute('class')).toBe(lenaSpan?.class)

    // A comment anchored to Dana's words; clicking it selects them again.
    await selectText(page, 'summary', 'old certificate')
    await page.getByRole('button', { name: 'Add comment' }).click()
    await page
      .getByRole('textbox', { name: 'Comment', exact: true })
      .fill('Add how we confirmed this: which certificate was it?')
    await page.getByRole('button', { name: 'Add comment' }).click()
    const comments = page.getByRole('region', { name: 'Review comments' })
    await expect.poll(() => comments.textContent()).toContain('which certificate was it?')
    // The commented words are highlighted in the section, linked both ways with the comment.
    const highlight = reviewSummary.locator('.comment-highlight')
    await expect.poll(() => highlight.textContent()).toBe('old certificate')
    const comment = comments.getByRole('listitem').filter({ hasText: 'which certificate' })
    await highlight.click()
    await expect.poll(() => comment.getAttribute('class')).toContain('review-comment--active')
    expect(await highlight.getAttribute('class')).toContain('comment-highlight--active')
    await page.setViewportSize({ width: 1440, height: 900 })
    await highlight.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, 'review-comment-highlight.png') })
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.evaluate('document.getSelection().removeAllRanges()')
    await comments.getByRole('button', { name: /old certificate/ }).click()
    await expect
      .poll(() => page.evaluate('document.getSelection().toString()'))
      .toBe('old certificate')

    // The knowledge-base draft, saved as a file.
    await page.getByRole('button', { name: 'Draft knowledge-base article' }).click()
    const article = page.getByLabel('Article in Markdown')
    expect(await article.inputValue()).toContain('# Draft knowledge-base article')
    expect(await article.inputValue()).toContain('metadata was never re-imported')
    await page.screenshot({ path: join(SCREENSHOTS, 'review-knowledge-base.png') })
    await page.getByRole('button', { name: 'Save as file…' }).click()
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Saved as')
    const saved = main.desktop.savedFiles[0] ?? ''
    expect(saved).toMatch(/globex-sso-logins-fail-after-certificate-rotation-kb-draft\.md$/)
    expect(existsSync(saved) && readFileSync(saved, 'utf8')).toContain(SUMMARY)
    expect(readFileSync(saved, 'utf8')).toContain(`## Lessons learned\n\n${LESSON}`)
    await page.getByRole('button', { name: 'Close', exact: true }).click()

    // Sign-off moves the case to reviewed.
    await page.getByRole('button', { name: 'Sign off review' }).click()
    const signOff = page.getByRole('region', { name: 'Sign-off' })
    await expect.poll(() => signOff.textContent()).toContain('Signed off by Lena Park')
    expect(await page.getByLabel('Status').inputValue()).toBe('reviewed')
    await page.screenshot({ path: join(SCREENSHOTS, 'review-signed-off.png'), fullPage: true })
    expect(errors).toEqual([])
  })

  it('finds the case from the lobby by a word in a section and opens it there', async () => {
    await page.getByRole('button', { name: 'Leave review' }).click()
    await page.getByRole('button', { name: 'Back to cases' }).click()
    const search = page.getByRole('combobox', { name: 'Search all cases' })
    await search.waitFor()
    await page.keyboard.press('Control+K')
    await expect
      .poll(() => page.evaluate("document.activeElement?.getAttribute('role')"))
      .toBe('combobox')
    await page.keyboard.type('locked')
    const hit = page.getByRole('option').first()
    await expect.poll(() => hit.textContent()).toContain('Customer impact')
    expect(await hit.locator('mark').textContent()).toBe('locked')
    expect(await hit.textContent()).toContain('Globex: SSO logins fail')
    await page.screenshot({ path: join(SCREENSHOTS, 'lobby-search.png') })
    await search.press('Enter')
    await expect.poll(() => page.evaluate(FOCUSED_SECTION)).toBe('impact')
    expect(errors).toEqual([])
  })

  it('opens the case at the place a clicked notification points to', async () => {
    await page.getByRole('button', { name: 'Back to cases' }).click()
    const roomId = main.services.app.data.cases[0]?.roomId ?? ''
    await main.services.handlers['app:notify']({
      roomId,
      title: 'Dana Whitfield mentioned you in Needed expertise',
      body: '@Lena Park can you confirm?',
      place: 'section:expertise',
    })
    const [notification] = main.desktop.notifications
    expect(notification?.title).toBe('Dana Whitfield mentioned you in Needed expertise')
    notification?.onClick()
    await expect.poll(() => page.evaluate(FOCUSED_SECTION)).toBe('expertise')
    expect(errors).toEqual([])
  })
})

/** The section whose editor has the keyboard (script run in the page, which has the DOM). */
const FOCUSED_SECTION = "document.activeElement?.getAttribute('data-section')"

/** Selects the first occurrence of `text` in a section shown in review mode. */
async function selectText(page: Page, section: string, text: string): Promise<void> {
  const found = await page.evaluate(`(() => {
    const root = document.querySelector('[data-review-section="${section}"]')
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(${JSON.stringify(text)})
      if (at < 0) continue
      document.getSelection().setBaseAndExtent(node, at, node, at + ${text.length})
      return true
    }
    return false
  })()`)
  if (found !== true) throw new Error(`"${text}" is not in one text node of ${section}`)
}
