/**
 * `npm run bench:sync`: how long a keystroke takes to show up in every other peer's document,
 * for 2, 5 and 10 peers over real WebRTC (@roamhq/wrtc) and the embedded signaling server on
 * loopback, the room key encrypting signaling. Each peer is its own process typing into its
 * own paragraph. The same run measures bare y-webrtc + yjs (no Swarmroom code) as the baseline.
 * Prints JSON on stdout; progress and the machine go to stderr.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { cpus } from 'node:os'
import { resolve } from 'node:path'
import { startSignalingServer } from '../src/main/services/signaling/signaling-server'
import { generateRoomId, generateRoomKey } from '../src/shared/room/room-key'
import type { FromBenchPeer, ToBenchPeer } from './sync-peer'

const PEER_COUNTS = (process.env['BENCH_PEERS'] ?? '2,5,10').split(',').map(Number)
const EDITS_PER_PEER = Number(process.env['BENCH_EDITS'] ?? 40)
const INTERVAL_MS = 100
type Mode = 'swarmroom' | 'baseline'

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

async function measure(mode: Mode, count: number): Promise<number[]> {
  const server = await startSignalingServer({ limits: { messagesPerWindow: 100_000 } })
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
    peer.send({ type: 'join', mode, roomId, key, url: server.url })
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

const runs = []
for (const peers of PEER_COUNTS) {
  const baseline: number[] = []
  const swarmroom: number[] = []
  for (let round = 0; round < ROUNDS; round += 1) {
    const order: Mode[] = round % 2 === 0 ? ['baseline', 'swarmroom'] : ['swarmroom', 'baseline']
    for (const mode of order) {
      const latencies = await measure(mode, peers)
      ;(mode === 'baseline' ? baseline : swarmroom).push(...latencies)
    }
  }
  const run = {
    peers,
    edits: swarmroom.length,
    p50Ms: percentile(swarmroom, 50),
    p95Ms: percentile(swarmroom, 95),
    baselineP50Ms: percentile(baseline, 50),
    baselineP95Ms: percentile(baseline, 95),
    p95Ratio: Math.round((percentile(swarmroom, 95) / percentile(baseline, 95)) * 100) / 100,
  }
  console.error(JSON.stringify(run))
  runs.push(run)
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
