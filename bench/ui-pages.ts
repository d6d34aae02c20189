/**
 * The pages bench/ui.ts and bench/ui-profile.ts drive: the app's and the bare baseline's, each
 * in its own browser context against the same main services, and what a user does in them.
 */
import type { Browser, Page } from 'playwright-core'
import type { MainProcess } from '../test/e2e/harness'
import { probeScript } from './ui-probe'

/** How many cases the lobby lists. */
export const CASES = Number(process.env['BENCH_CASES'] ?? 1000)

export type Side = 'swarmroom' | 'bare'
export const SIDES: readonly Side[] = ['swarmroom', 'bare']

/** Where each side's page starts and what its screens look like once painted. */
export type Screen = readonly (readonly [selector: string, atLeast: number])[]
export const LOOK: Record<Side, { path: string; lobby: Screen; room: Screen; timeline: Screen }> = {
  swarmroom: {
    path: '',
    // Only the rows in view are rendered: the lobby is painted once the first of them are.
    lobby: [['table.case-list tbody tr[data-index]', Math.min(CASES, 10)]],
    room: [['.ProseMirror', 6]],
    timeline: [
      ['.ProseMirror', 6],
      ['.timeline [data-action-id]', 1],
    ],
  },
  bare: {
    path: 'bare/#lobby',
    lobby: [['#cases tr', CASES]],
    room: [['.ProseMirror', 6]],
    timeline: [
      ['.ProseMirror', 6],
      ['#timeline li', 1],
    ],
  },
}
export const SUMMARY = '.ProseMirror[data-section="summary"]'

const json = (value: unknown): string => JSON.stringify(value)

export async function startPage(browser: Browser, main: MainProcess, side: Side, url: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  await main.attach(context)
  await context.addInitScript({ content: probeScript(LOOK[side].lobby) })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`${side} page: ${error.message}`))
  await page.goto(url + LOOK[side].path)
  const paintedAt = (await page.evaluate('window.__benchStart')) as number
  return { page, paintedAt, close: () => context.close() }
}

/** Opens a case from the lobby; resolves with the milliseconds to its painted screen. */
export function openCase(page: Page, side: Side, roomId: string, look: Screen): Promise<number> {
  const trigger =
    side === 'swarmroom'
      ? `location.hash = '#/case/${roomId}'`
      : `void window.__bare.openCase(${json(roomId)})`
  return page.evaluate(`(async () => {
    const started = performance.now()
    ${trigger}
    return (await window.__bench.painted(${json(look)})) - started
  })()`) as Promise<number>
}

export async function backToLobby(page: Page, side: Side): Promise<void> {
  if (side === 'swarmroom') {
    await page.evaluate(`(async () => {
      location.hash = '#/'
      await window.__bench.painted(${json(LOOK.swarmroom.lobby)})
    })()`)
  } else {
    await page.evaluate('window.__bare.closeCase()')
  }
}

export async function heapMB(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page)
  await session.send('HeapProfiler.collectGarbage')
  const { usedSize } = await session.send('Runtime.getHeapUsage')
  await session.detach()
  return usedSize / 2 ** 20
}

export async function typeKeys(page: Page, count: number, into: number[]): Promise<void> {
  for (let key = 0; key < count; key++) {
    await page.evaluate(`window.__bench.armKey(${json(SUMMARY)})`)
    await page.keyboard.press(String.fromCharCode(97 + (key % 26)))
    into.push((await page.evaluate('window.__benchKey')) as number)
  }
}
