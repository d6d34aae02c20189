/**
 * Everything bench/ui.ts and bench/ui-profile.ts measure in: the bare page built, both pages
 * served, main's real services over a fresh data folder holding the cases, and Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { build } from 'vite'
import { launchChromium, MainProcess } from '../test/e2e/harness'
import { createCases } from './ui-cases'
import { CASES } from './ui-pages'
import { serveFolders } from './ui-server'

// Another build (an earlier commit's, copied aside) can be measured in its place.
const RENDERER = resolve(
  process.env['BENCH_RENDERER'] ?? resolve(import.meta.dirname, '../out/renderer'),
)
const BARE_OUT = resolve(import.meta.dirname, '../out/bench-bare')

export interface Bench {
  browser: Browser
  main: MainProcess
  url: string
  /** The case with the long timeline. */
  timelineCase: string
  others: string[]
  stop(): Promise<void>
}

export async function startBench(timelineEntries: number): Promise<Bench> {
  await build({
    configFile: false,
    root: resolve(import.meta.dirname, 'ui-bare'),
    base: './',
    logLevel: 'warn',
    build: { outDir: BARE_OUT, emptyOutDir: true },
  })
  const server = await serveFolders(RENDERER, BARE_OUT)
  const folder = mkdtempSync(join(tmpdir(), 'swarmroom-bench-ui-'))
  const main = await MainProcess.start(folder, server.url)
  console.error(`writing ${CASES} cases, one with ${timelineEntries} timeline entries…`)
  const [timelineCase = '', ...others] = await createCases(main.services, CASES, timelineEntries)
  const browser = await launchChromium()
  return {
    browser,
    main,
    url: server.url,
    timelineCase,
    others,
    async stop() {
      await browser.close()
      await main.stop()
      await server.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
