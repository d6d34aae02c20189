/**
 * `npm run bench:sync`: how long a keystroke takes to show up in every other peer's document,
 * for 2, 5 and 10 peers over real WebRTC (@roamhq/wrtc) and the embedded signaling server on
 * loopback, the room key encrypting signaling. Each peer is its own process typing into its
 * own paragraph. The same run measures bare y-webrtc + yjs (no Swarmroom code) as the baseline.
 *
 * Then the same through a team relay (stock @hocuspocus/server with its SQLite extension, a
 * database file in a temp folder, on loopback) with WebRTC off: Swarmroom's sealed relay
 * against a stock HocuspocusProvider syncing the document in the clear through the same server.
 * `--only webrtc` or `--only relay` runs one part. Prints JSON on stdout; progress and the
 * machine go to stderr.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'
import { startSignalingServer } from '../src/main/services/signaling/signaling-server'
import { generateRoomId, generateRoomKey } from '../src/shared/room/room-key'
import type { BenchMode, FromBenchPeer, ToBenchPeer } from './sync-peer'

const PEER_COUNTS = (process.env['BENCH_PEERS'] ?? '2,5,10').split(',').map(Number)
const EDITS_PER_PEER = Number(process.env['BENCH_EDITS'] ?? 40)
const INTERVAL_MS = 100
const { values: flags } = parseArgs({ options: { only: { type: 'string' } } })
if (flags.only !== undefined && flags.only !== 'webrtc' && flags.only !== 'relay') {
  throw new Error(`--only takes webrtc or relay, not ${flags.only}`)
}
type Mode = BenchMode
const RELAY_TOKEN = 'bench-relay-token'

interface Peer {
  child: ChildProcess
  send: (message: ToBenchPeer) => void
  next: (type: FromBenchPeer['type']) => Promise<FromBenchPeer>
}

function startPeer(index: number, sink: (message: FromBenchPeer) => void): Promise<Peer> {
  const child = fork(resolve(import.meta.dirname, 'sync-peer.ts'), [String(index)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const waiting: { type: string; done: (message: FromBenchPeer) => void }[] = []
  child.on('message', (message: FromBenchPeer) => {
    sink(message)
    const waiter = waiting.findIndex((entry) => entry.type === message.type)
    if (waiter >= 0) waiting.splice(waiter, 1)[0]?.done(message)
  })
  const peer: Peer = {
    child,
    send: (message) => child.send(message),
    next: (type) => new Promise((done) => waiting.push({ type, done })),
  }
  return peer.next('ready').then(() => peer)
}

async function connectedPeers(peer: Peer): Promise<number> {
  const reply = peer.next('peers')
  peer.send({ type: 'peers' })
  const message = await reply
  return message.type === 'peers' ? message.count : 0
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

/** A team relay as the README sets one up, with Hocuspocus's default store delays. */
async function startRelay(): Promise<{ url: string; close: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'swarmroom-bench-relay-'))
  const sqlite = new SQLite({ database: join(folder, 'relay.sqlite') })
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    async onAuthenticate({ token }) {
      if (token !== RELAY_TOKEN) throw new Error('Not authorized')
    },
    extensions: [sqlite],
  })
  await server.listen()
  return {
    url: `ws://127.0.0.1:${server.address.port}`,
    close: async () => {
      await server.destroy()
      await new Promise<void>((done) => (sqlite.db ? sqlite.db.close(() => done()) : done()))
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

const isRelayMode = (mode: Mode): boolean => mode === 'relay' || mode === 'relay-baseline'

async function measure(mode: Mode, count: number, relayUrl: string | undefined): Promise<number[]> {
  const server = isRelayMode(mode)
    ? { url: relayUrl ?? '', close: async () => undefined }
    : await startSignalingServer({ limits: { messagesPerWindow: 100_000 } })
  const roomId = generateRoomId()
  const key = generateRoomKey()
  const sent = new Map<string, bigint>()
  const seen = new Map<string, bigint[]>()
  const sink = (message: FromBenchPeer): void => {
    if (message.type === 'sent') sent.set(message.id, BigInt(message.at))
    if (message.type === 'seen') {
      const times = seen.get(message.id) ?? []
      times.push(BigInt(message.at))
      seen.set(message.id, times)
    }
  }
  const peers: Peer[] = []
  // Peers join one after another, as teammates do, each once the previous ones are connected.
  for (let index = 0; index < count; index += 1) {
    const peer = await startPeer(index, sink)
    peers.push(peer)
    const joined = peer.next('joined')
    peer.send({ type: 'join', mode, roomId, key, url: server.url, token: RELAY_TOKEN })
    await joined
    const deadline = Date.now() + 30_000
    while ((await connectedPeers(peer)) < index && Date.now() < deadline) await sleep(100)
  }
  await sleep(1000)
  const typed = Promise.all(peers.map((peer) => peer.next('typed')))
  peers.forEach((peer, index) => {
    // Staggered starts, so peers do not type in lockstep.
    setTimeout(
      () => peer.send({ type: 'type', edits: EDITS_PER_PEER, intervalMs: INTERVAL_MS }),
      (index * INTERVAL_MS) / count,
    )
  })
  await typed
  const deadline = Date.now() + 15_000
  while (
    Date.now() < deadline &&
    [...sent.keys()].some((id) => (seen.get(id)?.length ?? 0) < count - 1)
  ) {
    await sleep(100)
  }
  for (const peer of peers) peer.send({ type: 'stop' })
  await Promise.all(peers.map((peer) => new Promise((done) => peer.child.once('exit', done))))
  await server.close()
  const latencies: number[] = []
  for (const [id, at] of sent) {
    const times = seen.get(id) ?? []
    if (times.length < count - 1)
      throw new Error(`${mode}, ${count} peers: edit ${id} never reached everyone`)
    latencies.push(Number(times.reduce((max, time) => (time > max ? time : max)) - at) / 1e6)
  }
  return latencies
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return Math.round((sorted[index] ?? Number.NaN) * 100) / 100
}

/** Rounds per mode, alternating which goes first: the machine's load drifts during a run. */
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2)

/** Measures `mode` against `baselineMode` for each peer count, in alternating rounds. */
async function compare(
  mode: Mode,
  baselineMode: Mode,
  relayUrl: string | undefined,
): Promise<Record<string, number | string>[]> {
  const results = []
  for (const peers of PEER_COUNTS) {
    const baseline: number[] = []
    const measured: number[] = []
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? [baselineMode, mode] : [mode, baselineMode]
      for (const next of order) {
        const latencies = await measure(next, peers, relayUrl)
        ;(next === baselineMode ? baseline : measured).push(...latencies)
      }
    }
    const run = {
      path: isRelayMode(mode) ? 'relay' : 'webrtc',
      peers,
      edits: measured.length,
      p50Ms: percentile(measured, 50),
      p95Ms: percentile(measured, 95),
      baselineP50Ms: percentile(baseline, 50),
      baselineP95Ms: percentile(baseline, 95),
      p95Ratio: Math.round((percentile(measured, 95) / percentile(baseline, 95)) * 100) / 100,
    }
    console.error(JSON.stringify(run))
    results.push(run)
  }
  return results
}

const runs = []
if (flags.only !== 'relay') runs.push(...(await compare('swarmroom', 'baseline', undefined)))
if (flags.only !== 'webrtc') {
  // One relay server for the whole part, as a team has one; every measurement is a new room.
  const relay = await startRelay()
  try {
    runs.push(...(await compare('relay', 'relay-baseline', relay.url)))
  } finally {
    await relay.close()
  }
}
console.log(JSON.stringify({ runs }))
console.error(
  JSON.stringify({
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    node: process.version,
    editsPerPeer: EDITS_PER_PEER,
    rounds: ROUNDS,
    intervalMs: INTERVAL_MS,
    date: new Date().toISOString(),
  }),
)
