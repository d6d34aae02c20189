/**
 * Search over 1,000 cases on disk, through main's real services (room logs, CaseSearch), beside
 * a bare scan with no Swarmroom code in the same run: yjs reading the same logs' states and a
 * lower-cased `includes` over each section's text. Interleaved, fresh services for every first
 * query. Prints JSON on stdout; the machine it ran on goes to stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { createServices, type MainServices } from '../src/main/services/create-services'
import { section } from '../src/shared/case/case-doc'
import { appendParagraphs } from '../src/shared/case/rich-text'
import { SECTION_NAMES } from '../src/shared/case/schema'
import { NodeEncryptor } from '../test/fixtures/node-encryptor'
import { summary } from './figures'

const CASES = Number(process.env['BENCH_CASES'] ?? 1000)
const RUNS = 7
const REPEATS = 20
const WORDS = ['refund', 'proration', 'invoice', 'renewal', 'outage', 'sso', 'webhook', 'export']
const QUERIES = ['proration refund', 'invoice outage', 'webhook renewal', 'sso export']

const folder = mkdtempSync(join(tmpdir(), 'swarmroom-bench-search-'))
const keychain = new NodeEncryptor()
const open = (): Promise<MainServices> =>
  createServices({ dataFolder: folder, keychain, openInBrowser: async () => undefined })

/** 1,000 cases of a few hundred words each, seeded, written through the real services. */
async function createCases(): Promise<string[]> {
  const services = await open()
  await services.handlers['identity:set']({ name: 'Bench' })
  const gen = prng.create(42)
  const roomIds: string[] = []
  for (let index = 0; index < CASES; index++) {
    const created = await services.handlers['cases:create']({
      title: `Case ${index}: ${prng.oneOf(gen, WORDS)} for Acme ${index}`,
      ticket: { system: 'zendesk', id: String(10_000 + index), url: '' },
      customer: `Customer ${index % 97}`,
      priority: 'normal',
      swarmType: 'other',
    })
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, services.rooms.state(created.roomId))
    const before = Y.encodeStateVector(doc)
    for (const name of SECTION_NAMES) {
      const words = Array.from({ length: 60 }, () =>
        prng.bool(gen) ? prng.oneOf(gen, WORDS) : prng.word(gen, 3, 9),
      )
      appendParagraphs(section(doc, name), [words.join(' ')])
    }
    services.rooms.append(created.roomId, Y.encodeStateAsUpdate(doc, before))
    doc.destroy()
    roomIds.push(created.roomId)
  }
  await services.shutdown()
  return roomIds
}

/** No Swarmroom code but reading the logs: yjs and plain string search. */
function bareTexts(services: MainServices, roomIds: readonly string[]): string[][] {
  return roomIds.map((roomId) => {
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, services.rooms.readState(roomId) ?? new Uint8Array([0, 0]))
    const texts = SECTION_NAMES.map((name) => doc.getXmlFragment(name).toString().toLowerCase())
    doc.destroy()
    return texts
  })
}
const bareScan = (texts: readonly string[][], query: string): number => {
  const words = query.toLowerCase().split(' ')
  return texts.filter((fields) => words.every((word) => fields.some((f) => f.includes(word))))
    .length
}

const roomIds = await createCases()
const first = { swarmroom: [] as number[], bare: [] as number[] }
const repeated = { swarmroom: [] as number[], bare: [] as number[] }
let hits = { swarmroom: 0, bare: 0 }
for (let run = 0; run < RUNS; run++) {
  const services = await open()
  let started = performance.now()
  const answer = await services.search.search(QUERIES[0] ?? '')
  first.swarmroom.push(performance.now() - started)
  started = performance.now()
  const texts = bareTexts(services, roomIds)
  const bareCount = bareScan(texts, QUERIES[0] ?? '')
  first.bare.push(performance.now() - started)
  hits = { swarmroom: answer.results.length, bare: bareCount }
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const query = QUERIES[repeat % QUERIES.length] ?? ''
    started = performance.now()
    await services.search.search(query)
    repeated.swarmroom.push(performance.now() - started)
    started = performance.now()
    bareScan(texts, query)
    repeated.bare.push(performance.now() - started)
  }
  await services.shutdown()
}
rmSync(folder, { recursive: true, force: true })

const ratio = (a: number, b: number): number => Number((a / b).toFixed(2))
const result = {
  cases: CASES,
  runs: RUNS,
  firstQueryMs: { swarmroom: summary(first.swarmroom), bare: summary(first.bare) },
  repeatedQueryMs: { swarmroom: summary(repeated.swarmroom), bare: summary(repeated.bare) },
  firstQueryRatio: ratio(summary(first.swarmroom).median, summary(first.bare).median),
  resultsShown: hits.swarmroom,
  casesMatchingBare: hits.bare,
}
console.error(`${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, Node ${process.version}`)
console.log(JSON.stringify(result, null, 2))
