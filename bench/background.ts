/**
 * `npm run bench:background`: what syncing every active case costs the member who is not
 * looking at them. One member's app (main's real services, the built renderer in Debian's
 * Chromium, as the e2e tests run it) holds 50 cases; a teammate (a Node peer over real WebRTC)
 * edits one of them every 100 ms. Measured, interleaved in the same run:
 *
 * - edit → disk: from the teammate's edit to main writing it to the member's room log, with
 *   the case syncing in the background beside 49 other active cases (the lobby on screen),
 *   against the baseline of the same case open on screen as the only live case;
 * - renderer memory per background case: the JS heap (after a forced GC) of the lobby with
 *   all 50 cases live in the background, minus the lobby with none live, over 50.
 *
 * Needs `npm run build` first (the renderer is served from out/renderer). Prints JSON on
 * stdout; progress and the machine go to stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import * as Y from 'yjs'
import { RoomConnection } from '../src/shared/room/room-connection'
import { installWebSocket, wrtc } from '../test/fixtures/node-webrtc'
import { launchChromium, serveRenderer, startApp, type RunningApp } from '../test/e2e/harness'

const CASES = Number(process.env['BENCH_CASES'] ?? 50)
const EDITS = Number(process.env['BENCH_EDITS'] ?? 40)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2)
const INTERVAL_MS = 100
const MARKER = /⟦(\d+)⟧/g

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))
const log = (text: string): void => void process.stderr.write(`${text}\n`)

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

/** Some ordinary text in every section, so a background case weighs what a real one does. */
function caseContent(index: number): Uint8Array {
  const doc = new Y.Doc()
  for (const name of ['summary', 'impact', 'history', 'expertise']) {
    const fragment = doc.getXmlFragment(name)
    for (let line = 0; line < 12; line += 1) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [
        new Y.XmlText(
          `Case ${index}, ${name} ${line}: the invoice sync retried three times and the ` +
            'customer saw duplicate charges on the March statement before the fix landed.',
        ),
      ])
      fragment.push([paragraph])
    }
  }
  return Y.encodeStateAsUpdate(doc)
}

async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page)
  for (let pass = 0; pass < 3; pass += 1) await session.send('HeapProfiler.collectGarbage')
  const { usedSize } = await session.send('Runtime.getHeapUsage')
  await session.detach()
  return usedSize
}

async function main(): Promise<void> {
  installWebSocket()
  const folder = mkdtempSync(join(tmpdir(), 'swarmroom-bench-background-'))
  const browser = await launchChromium()
  const renderer = await serveRenderer()
  let app: RunningApp | undefined
  let teammate: RoomConnection | undefined
  try {
    app = await startApp(browser, renderer.url, folder)
    const { handlers, rooms } = app.main.services
    await handlers['identity:set']({ name: 'Omar Haddad' })
    const ids: string[] = []
    for (let index = 0; index < CASES; index += 1) {
      const summary = await handlers['cases:create']({
        title: `Case ${index}: duplicate charges`,
        ticket: { system: 'zendesk', id: String(48_000 + index), url: '' },
        customer: `Customer ${index}`,
        priority: 'high',
        swarmType: 'vip-incident',
      })
      await handlers['room:append']({ roomId: summary.roomId, update: caseContent(index) })
      ids.push(summary.roomId)
    }
    const edited = ids[0] ?? ''
    const others = ids.slice(1)
    const setArchived = async (archived: boolean): Promise<void> => {
      for (const roomId of others) await handlers['cases:setArchived']({ roomId, archived })
    }

    // Edits reach disk through main's room store: note when each teammate marker is written.
    const written = new Map<number, number>()
    const shadow = new Y.Doc()
    const append = rooms.append.bind(rooms)
    rooms.append = (roomId: string, update: Uint8Array) => {
      append(roomId, update)
      if (roomId !== edited) return
      const at = performance.now()
      Y.applyUpdate(shadow, update)
      for (const match of shadow.getXmlFragment('bench').toString().matchAll(MARKER)) {
        const id = Number(match[1])
        if (!written.has(id)) written.set(id, at)
      }
    }
    let loads = 0
    const load = rooms.load.bind(rooms)
    rooms.load = (roomId: string) => {
      loads += 1
      return load(roomId)
    }

    const { key, signalingUrls } = await handlers['room:connection']({ roomId: edited })
    const doc = new Y.Doc({ gc: false })
    teammate = await RoomConnection.open(doc, {
      roomId: edited,
      key,
      signalingUrls,
      webrtc: wrtc,
    })
    const { page } = app
    let nextMarker = 0

    async function measure(mode: 'background' | 'on-screen'): Promise<number[]> {
      await setArchived(mode === 'on-screen')
      await page.goto(`${renderer.url}${mode === 'on-screen' ? `#/case/${edited}` : '#/'}`)
      await page.reload()
      const deadline = Date.now() + 60_000
      while ((teammate?.status.peers ?? 0) < 1) {
        if (Date.now() > deadline) throw new Error('the teammate never connected to the member')
        await sleep(200)
      }
      await sleep(2000)
      const sent = new Map<number, number>()
      const fragment = doc.getXmlFragment('bench')
      for (let edit = 0; edit < EDITS; edit += 1) {
        const id = nextMarker++
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(`edit ⟦${id}⟧ from the teammate`)])
        sent.set(id, performance.now())
        fragment.push([paragraph])
        await sleep(INTERVAL_MS)
      }
      const waitUntil = Date.now() + 20_000
      while ([...sent.keys()].some((id) => !written.has(id)) && Date.now() < waitUntil) {
        await sleep(100)
      }
      const missing = [...sent.keys()].filter((id) => !written.has(id)).length
      if (missing > 0) throw new Error(`${missing} edits never reached the disk (${mode})`)
      return [...sent].map(([id, at]) => (written.get(id) ?? NaN) - at)
    }

    const latencies = { background: [] as number[], 'on-screen': [] as number[] }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of round % 2 === 0
        ? (['on-screen', 'background'] as const)
        : (['background', 'on-screen'] as const)) {
        log(`round ${round + 1}: ${mode}`)
        latencies[mode].push(...(await measure(mode)))
      }
    }

    // Memory: the lobby with no case live, then with all of them syncing in the background.
    await setArchived(true)
    await handlers['cases:setArchived']({ roomId: edited, archived: true })
    await page.goto(`${renderer.url}#/`)
    await page.reload()
    await sleep(3000)
    const heapNone = await heapAfterGc(page)
    const loadsBefore = loads
    await setArchived(false)
    await handlers['cases:setArchived']({ roomId: edited, archived: false })
    const deadline = Date.now() + 60_000
    while (loads - loadsBefore < CASES && Date.now() < deadline) await sleep(200)
    await sleep(5000)
    const heapAll = await heapAfterGc(page)
    const caseBytes = rooms.load(edited).state.byteLength

    const summary = (values: number[]): { p50: number; p95: number } => ({
      p50: Number(percentile(values, 50).toFixed(2)),
      p95: Number(percentile(values, 95).toFixed(2)),
    })
    const background = summary(latencies.background)
    const onScreen = summary(latencies['on-screen'])
    log(`${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${new Date().toISOString()}`)
    process.stdout.write(
      `${JSON.stringify(
        {
          cases: CASES,
          editsPerRun: EDITS,
          rounds: ROUNDS,
          editToDiskMs: {
            background,
            baselineOnScreenAlone: onScreen,
            p95Ratio: Number((background.p95 / onScreen.p95).toFixed(2)),
          },
          renderer: {
            heapNoCaseLiveBytes: heapNone,
            heapAllLiveBytes: heapAll,
            casesLoaded: loads - loadsBefore,
            heapPerBackgroundCaseBytes: Math.round((heapAll - heapNone) / CASES),
            caseStateBytes: caseBytes,
          },
        },
        null,
        2,
      )}\n`,
    )
  } finally {
    await teammate?.destroy()
    await app?.context.close()
    await app?.main.stop()
    await renderer.close()
    await browser.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
