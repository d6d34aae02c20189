/**
 * Whether a lobby of 1,000 cases stays responsive, beside a bare page that lists the same rows
 * as a plain DOM table with no Swarmroom code (bench/ui-bare), in the same run and the same
 * Chromium, against the same main services. Each run measures both, alternating which goes
 * first:
 *
 * - sort: a click on the Priority heading (the bare page sorts its rows by priority and
 *   rebuilds them) to the frame after the rows changed;
 * - filter: choosing a swarm type, or back to any, to the frame after the rows changed;
 * - scroll: one page down the list, from setting the scroll position to the frame after its
 *   scroll event (the app renders the rows coming into view there).
 *
 * Needs `npm run build`. Prints JSON on stdout; progress goes to stderr.
 */
import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'
import type { Page } from 'playwright-core'
import { CASES, SIDES, startPage, type Side } from './ui-pages'
import { startBench } from './ui-setup'

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7)
const ACTIONS_PER_RUN = 10

/** In the page: what each action does on each side, and where the rows are. */
const ACTIONS: Record<Side, { sort: string; filter: string; scroller: string; rows: string }> = {
  swarmroom: {
    sort: `document.querySelector('table.case-list th:nth-child(2) button').click()`,
    filter: `(() => {
      const select = document.getElementById('case-filter-swarm-type')
      select.value = select.value === 'any' ? 'vip-incident' : 'any'
      select.dispatchEvent(new Event('change', { bubbles: true }))
    })()`,
    scroller: `document.querySelector('.case-list__scroller')`,
    rows: 'table.case-list tbody',
  },
  bare: {
    sort: 'window.__bare.sortLobby()',
    filter: `(() => {
      window.__bareFilter = window.__bareFilter === 'vip-incident' ? 'any' : 'vip-incident'
      window.__bare.filterLobby(window.__bareFilter)
    })()`,
    scroller: 'document.scrollingElement',
    rows: '#cases',
  },
}

/** Milliseconds from `trigger` to the frame after the rows under `rows` changed. */
function timeRowChange(page: Page, trigger: string, rows: string): Promise<number> {
  return page.evaluate(`(async () => {
    const target = document.querySelector(${JSON.stringify(rows)})
    const changed = new Promise((done) => {
      const observer = new MutationObserver(() => { observer.disconnect(); done() })
      observer.observe(target, { childList: true, subtree: true, characterData: true })
    })
    const started = performance.now();
    ${trigger};
    await changed
    return (await window.__bench.afterNextFrame()) - started
  })()`) as Promise<number>
}

/** Milliseconds from scrolling one page down (back to the top at the end) to the frame after. */
function timeScroll(page: Page, scroller: string): Promise<number> {
  return page.evaluate(`(async () => {
    const element = ${scroller}
    const events = element === document.scrollingElement ? window : element
    if (element.scrollTop + 2 * element.clientHeight > element.scrollHeight) element.scrollTop = 0
    await window.__bench.afterNextFrame()
    const scrolled = new Promise((done) => events.addEventListener('scroll', done, { once: true }))
    const started = performance.now()
    element.scrollTop += element.clientHeight
    await scrolled
    return (await window.__bench.afterNextFrame()) - started
  })()`) as Promise<number>
}

const samples = (): Record<Side, number[]> => ({ swarmroom: [], bare: [] })
const measured = { sortMs: samples(), filterMs: samples(), scrollMs: samples() }

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
const round = (value: number): number => Number(value.toFixed(2))

function summarise(values: Record<Side, number[]>) {
  const swarmroom = round(median(values.swarmroom))
  const bare = round(median(values.bare))
  return { swarmroomMedian: swarmroom, bareMedian: bare, ratioMedian: round(swarmroom / bare) }
}

const bench = await startBench(0)
const { browser, main, url } = bench
try {
  for (let run = 0; run < RUNS; run++) {
    console.error(`run ${run + 1} of ${RUNS}`)
    const order = run % 2 === 0 ? SIDES : [...SIDES].reverse()
    const pages = {} as Record<Side, Awaited<ReturnType<typeof startPage>>>
    for (const side of order) pages[side] = await startPage(browser, main, side, url)
    for (let action = 0; action < ACTIONS_PER_RUN; action++) {
      for (const side of order) {
        const { page } = pages[side]
        const { sort, filter, scroller, rows } = ACTIONS[side]
        measured.sortMs[side].push(await timeRowChange(page, sort, rows))
        measured.filterMs[side].push(await timeRowChange(page, filter, rows))
        measured.scrollMs[side].push(await timeScroll(page, scroller))
      }
    }
    for (const side of order) await pages[side].close()
  }
} finally {
  await bench.stop()
}

const cpuModel = (): string => {
  try {
    const lscpu = execFileSync('lscpu', { encoding: 'utf8' })
    return /Model name:\s*(.+)/.exec(lscpu)?.[1]?.trim() ?? 'unknown'
  } catch {
    return cpus()[0]?.model ?? 'unknown'
  }
}
console.log(
  JSON.stringify(
    {
      machine: { cpu: cpuModel(), cores: cpus().length, browser: browser.version() },
      date: new Date().toISOString(),
      runs: RUNS,
      actionsPerRun: ACTIONS_PER_RUN,
      cases: CASES,
      sortByPriorityMs: summarise(measured.sortMs),
      filterBySwarmTypeMs: summarise(measured.filterMs),
      scrollOnePageMs: summarise(measured.scrollMs),
    },
    null,
    2,
  ),
)
