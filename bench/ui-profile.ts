/**
 * A CPU profile of one thing a user does in the app (bench/ui.ts's scenarios), through CDP's
 * Profiler: prints the functions with the most self time, and writes the whole profile to
 * out/ui-<scenario>.cpuprofile for Chromium's DevTools.
 *
 *   node --import tsx bench/ui-profile.ts start|open|keystroke
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CDPSession } from 'playwright-core'
import { backToLobby, LOOK, openCase, startPage, SUMMARY, typeKeys } from './ui-pages'
import { startBench } from './ui-setup'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const scenario = process.argv[2] ?? 'open'
if (!['start', 'open', 'keystroke'].includes(scenario)) {
  throw new Error(`Unknown scenario "${scenario}": choose start, open or keystroke`)
}

/** Self time per function (name, file and position), largest first. */
function selfTimes(profile: Profile): { ms: number; share: number; where: string }[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, number>()
  let all = 0
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)?.callFrame
    const delta = (profile.timeDeltas[index] ?? 0) / 1000
    all += delta
    if (!frame) return
    const file = frame.url.split('/').pop() ?? ''
    const where = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
    totals.set(where, (totals.get(where) ?? 0) + delta)
  })
  return [...totals]
    .map(([where, ms]) => ({
      ms: Number(ms.toFixed(1)),
      share: Number((ms / all).toFixed(3)),
      where,
    }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 30)
}

async function profiled(session: CDPSession, work: () => Promise<unknown>): Promise<Profile> {
  await session.send('Profiler.enable')
  await session.send('Profiler.setSamplingInterval', { interval: 200 })
  await session.send('Profiler.start')
  await work()
  const { profile } = await session.send('Profiler.stop')
  return profile as unknown as Profile
}

const bench = await startBench(2000)
try {
  const { page } = await startPage(bench.browser, bench.main, 'swarmroom', bench.url)
  const session = await page.context().newCDPSession(page)
  // Warm: the room's code is loaded and compiled once before the profile.
  await openCase(page, 'swarmroom', bench.timelineCase, LOOK.swarmroom.timeline)
  let profile: Profile
  if (scenario === 'open') {
    await backToLobby(page, 'swarmroom')
    profile = await profiled(session, () =>
      openCase(page, 'swarmroom', bench.timelineCase, LOOK.swarmroom.timeline),
    )
  } else if (scenario === 'keystroke') {
    await page.click(SUMMARY)
    profile = await profiled(session, () => typeKeys(page, 40, []))
  } else {
    profile = await profiled(session, async () => {
      await page.goto(bench.url)
      await page.evaluate('window.__benchStart')
    })
  }
  writeFileSync(
    resolve(import.meta.dirname, `../out/ui-${scenario}.cpuprofile`),
    JSON.stringify(profile),
  )
  console.log(JSON.stringify(selfTimes(profile), null, 1))
} finally {
  await bench.stop()
}
