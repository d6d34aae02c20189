/**
 * What a user feels in the app, beside a bare page built from the same libraries with no
 * Swarmroom code (bench/ui-bare), in the same run: Debian's Chromium showing the built renderer
 * against main's real services, as the e2e harness runs it, and the bare page against the same
 * services. Every run measures both, alternating which goes first.
 *
 * - start: navigation to the painted lobby of 1,000 cases (`cases:list`, rows as plain DOM);
 * - open: the lobby to a painted case with 2,000 timeline entries (warm: the first open of each
 *   page is not counted);
 * - keystroke: keydown to the frame after the summary editor shows the character;
 * - heap: JS heap at a fresh lobby, with one case open, after it is closed, and after ten cases
 *   opened and closed
 *   (each time after a forced garbage collection).
 *
 * Needs `npm run build`. Prints JSON on stdout; progress goes to stderr.
 */
import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'
import {
  backToLobby,
  CASES,
  heapMB,
  LOOK,
  openCase,
  SIDES,
  startPage,
  SUMMARY,
  typeKeys,
  type Side,
} from './ui-pages'
import { startBench } from './ui-setup'
import { percentile } from './figures'

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7)
const ENTRIES = 2000
const OPENS_PER_RUN = 3
const KEYS_PER_RUN = 40
const KEY_BLOCK = 10

const samples = (): Record<Side, number[]> => ({ swarmroom: [], bare: [] })
const measured = {
  startMs: samples(),
  openMs: samples(),
  keystrokeMs: samples(),
  heapLobbyMB: samples(),
  heapOneOpenMB: samples(),
  heapAfterOneMB: samples(),
  heapAfterTenMB: samples(),
}

const round = (value: number): number => Number(value.toFixed(2))

function summarise(values: Record<Side, number[]>) {
  const of = (side: Side) => ({
    median: round(percentile(values[side], 0.5)),
    p95: round(percentile(values[side], 0.95)),
  })
  const swarmroom = of('swarmroom')
  const bare = of('bare')
  return {
    swarmroom,
    bare,
    ratioMedian: round(swarmroom.median / bare.median),
    ratioP95: round(swarmroom.p95 / bare.p95),
  }
}

const bench = await startBench(ENTRIES)
const { browser, main, url, timelineCase, others } = bench
try {
  for (let run = 0; run < RUNS; run++) {
    console.error(`run ${run + 1} of ${RUNS}`)
    const order = run % 2 === 0 ? SIDES : [...SIDES].reverse()
    const pages = {} as Record<Side, Awaited<ReturnType<typeof startPage>>>
    for (const side of order) {
      pages[side] = await startPage(browser, main, side, url)
      measured.startMs[side].push(pages[side].paintedAt)
    }
    for (let open = 0; open < OPENS_PER_RUN; open++) {
      for (const side of order) {
        const { page } = pages[side]
        const elapsed = await openCase(page, side, timelineCase, LOOK[side].timeline)
        // The first open of a page loads the room's code; later ones are the warm open.
        if (open > 0) measured.openMs[side].push(elapsed)
        if (open < OPENS_PER_RUN - 1) await backToLobby(page, side)
      }
    }
    for (const side of order) await pages[side].page.click(SUMMARY)
    for (let typed = 0; typed < KEYS_PER_RUN; typed += KEY_BLOCK) {
      for (const side of order) {
        await typeKeys(pages[side].page, KEY_BLOCK, measured.keystrokeMs[side])
      }
    }
    for (const side of order) await pages[side].close()
    // Memory on a page of its own, from a fresh lobby: the long case above is not in it.
    for (const side of order) {
      const { page, close } = await startPage(browser, main, side, url)
      measured.heapLobbyMB[side].push(await heapMB(page))
      for (const [index, roomId] of others.slice(0, 10).entries()) {
        await openCase(page, side, roomId, LOOK[side].room)
        if (index === 0) measured.heapOneOpenMB[side].push(await heapMB(page))
        await backToLobby(page, side)
        // The first case loads and keeps the room's code; what grows after it is what stays.
        if (index === 0) measured.heapAfterOneMB[side].push(await heapMB(page))
      }
      measured.heapAfterTenMB[side].push(await heapMB(page))
      await close()
    }
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
      cases: CASES,
      timelineEntries: ENTRIES,
      startToPaintedLobbyMs: summarise(measured.startMs),
      openTimelineCaseMs: summarise(measured.openMs),
      keystrokeToPaintMs: summarise(measured.keystrokeMs),
      heapMB: {
        lobby: summarise(measured.heapLobbyMB),
        oneCaseOpen: summarise(measured.heapOneOpenMB),
        afterOneOpenedAndClosed: summarise(measured.heapAfterOneMB),
        afterTenOpenedAndClosed: summarise(measured.heapAfterTenMB),
      },
    },
    null,
    2,
  ),
)
