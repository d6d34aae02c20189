/**
 * `npm run bench:sync`: how long a keystroke takes to show up in every other peer's document,
 * for 2, 5 and 10 peers over real WebRTC (@roamhq/wrtc) and the embedded signaling server on
 * loopback, the room key encrypting signaling. Each peer is its own process typing into its
 * own paragraph. The same run measures bare y-webrtc + yjs (no Swarmroom code) as the baseline.
 *
 * Then the same for two peers in two offices behind NAT, forced through the team's TURN server
 * (coturn, `iceTransportPolicy: 'relay'`), in network namespaces (`turn-network.ts`; needs
 * root), against bare y-webrtc through the same TURN server.
 *
 * Then the same through a team relay (stock @hocuspocus/server with its SQLite extension, a
 * database file in a temp folder, on loopback) with WebRTC off: Swarmroom's sealed relay
 * against a stock HocuspocusProvider syncing the document in the clear through the same server.
 *
 * `-- --only loopback`, `-- --only turn` or `-- --only relay` runs one part.
 * Prints JSON on stdout; progress and the machine go to stderr.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'
import { startSignalingServer } from '../src/main/services/signaling/signaling-server'
import type { IceServer } from '../src/shared/room/room-connection'
import { generateRoomId, generateRoomKey } from '../src/shared/room/room-key'
import type { BenchMode, FromBenchPeer, ToBenchPeer } from './sync-peer'
import { withTurnNetwork } from './turn-network'

const PARTS = ['loopback', 'turn', 'relay'] as const
const { values: flags } = parseArgs({ options: { only: { type: 'string' } } })
if (flags.only !== undefined && !(PARTS as readonly string[]).includes(flags.only)) {
  throw new Error(`--only takes "loopback", "turn" or "relay", not "${flags.only}"`)
}
const runs = (part: (typeof PARTS)[number]): boolean =>
  flags.only === undefined || flags.only === part
const RELAY_TOKEN = 'bench-relay-token'

const PEER_COUNTS = (process.env['BENCH_PEERS'] ?? '2,5,10').split(',').map(Number)
const EDITS_PER_PEER = Number(process.env['BENCH_EDITS'] ?? 40)
const INTERVAL_MS = 100
type Mode = BenchMode

interface Peer {
  child: ChildProcess
  send: (message: ToBenchPeer) => void
  next: (type: FromBenchPeer['type']) => Promise<FromBenchPeer>
}

/** Where a measured room runs: its signaling server, and for TURN, the peers' networks. */
interface Place {
  url: string
  turn?: { iceServers: IceServer[]; netnsOf: (index: number) => string }
}

function startPeer(
  index: number,
  sink: (message: FromBenchPeer) => void,
  netns?: string,
): Promise<Peer> {
  const script = resolve(import.meta.dirname, 'sync-peer.ts')
  const stdio = ['ignore', 'ignore', 'inherit', 'ipc'] as const
  // `ip netns exec` keeps the IPC channel's file descriptor, as the NAT test's peers do.
  const child = netns
    ? spawn(
        'ip',
        ['netns', 'exec', netns, process.execPath, '--import', 'tsx', script, `${index}`],
        {
          stdio: [...stdio],
        },
      )
    : fork(script, [String(index)], { execArgv: ['--import', 'tsx'], stdio: [...stdio] })
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

async function connectedPeers(peer: Peer): Promise<{ count: number; throughTurn: number }> {
  const reply = peer.next('peers')
  peer.send({ type: 'peers' })
  const message = await reply
  return message.type === 'peers' ? message : { count: 0, throughTurn: 0 }
}

async function stopPeer(peer: Peer): Promise<void> {
  if (peer.child.exitCode !== null || peer.child.signalCode !== null) return
  const exited = new Promise((done) => peer.child.once('exit', done))
  peer.send({ type: 'stop' })
  const timer = setTimeout(() => peer.child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
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

async function measureOnLoopback(mode: Mode, count: number): Promise<number[]> {
  const server = await startSignalingServer({ limits: { messagesPerWindow: 100_000 } })
  try {
    return await measure(mode, count, { url: server.url })
  } finally {
    await server.close()
  }
}

async function measure(mode: Mode, count: number, place: Place): Promise<number[]> {
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
  try {
    // Peers join one after another, as teammates do, each once the previous ones are connected.
    for (let index = 0; index < count; index += 1) {
      const peer = await startPeer(index, sink, place.turn?.netnsOf(index))
      peers.push(peer)
      const joined = peer.next('joined')
      const turn = place.turn ? { turn: place.turn.iceServers } : {}
      peer.send({ type: 'join', mode, roomId, key, url: place.url, token: RELAY_TOKEN, ...turn })
      await joined
      const deadline = Date.now() + 30_000
      while ((await connectedPeers(peer)).count < index && Date.now() < deadline) await sleep(100)
    }
    // Through TURN, every connection must be a TURN one before anything is measured.
    for (const [index, peer] of place.turn ? peers.entries() : []) {
      const deadline = Date.now() + 10_000
      let seen = await connectedPeers(peer)
      while (seen.throughTurn < count - 1 && Date.now() < deadline) {
        await sleep(200)
        seen = await connectedPeers(peer)
      }
      if (seen.throughTurn < count - 1) {
        throw new Error(`${mode}, peer ${index}: ${seen.throughTurn} of ${count - 1} through TURN`)
      }
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
  } finally {
    // Also when a run fails: no peer is left running (in a namespace about to be removed).
    await Promise.all(peers.map(stopPeer))
  }
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
const TURN_ROUNDS = Number(process.env['BENCH_TURN_ROUNDS'] ?? 4)

/** Both modes `rounds` times, interleaved, and their percentiles side by side. */
async function compare(
  rounds: number,
  measureOne: (mode: Mode) => Promise<number[]>,
  [measuredMode, baselineMode]: [Mode, Mode] = ['swarmroom', 'baseline'],
): Promise<Record<string, number>> {
  const baseline: number[] = []
  const swarmroom: number[] = []
  for (let round = 0; round < rounds; round += 1) {
    const order: Mode[] =
      round % 2 === 0 ? [baselineMode, measuredMode] : [measuredMode, baselineMode]
    for (const mode of order) {
      const latencies = await measureOne(mode)
      ;(mode === baselineMode ? baseline : swarmroom).push(...latencies)
      // Each round on its own too: on a loaded machine one slow round can make the whole p95.
      console.error(
        JSON.stringify({
          mode,
          round,
          p50Ms: percentile(latencies, 50),
          p95Ms: percentile(latencies, 95),
        }),
      )
    }
  }
  return {
    edits: swarmroom.length,
    p50Ms: percentile(swarmroom, 50),
    p95Ms: percentile(swarmroom, 95),
    baselineP50Ms: percentile(baseline, 50),
    baselineP95Ms: percentile(baseline, 95),
    p95Ratio: Math.round((percentile(swarmroom, 95) / percentile(baseline, 95)) * 100) / 100,
  }
}

const result: { runs?: unknown[]; turn?: unknown; relay?: unknown[] } = {}
if (runs('loopback')) {
  result.runs = []
  for (const peers of PEER_COUNTS) {
    const run = { peers, ...(await compare(ROUNDS, (mode) => measureOnLoopback(mode, peers))) }
    console.error(JSON.stringify(run))
    result.runs.push(run)
  }
}
if (runs('turn')) {
  result.turn = await withTurnNetwork(async (network) => {
    const place: Place = {
      url: network.signalingUrl,
      turn: { iceServers: network.iceServers, netnsOf: network.officeOf },
    }
    const run = {
      peers: 2,
      network: 'two offices behind NAT, UDP between them dropped, TURN only (coturn)',
      ...(await compare(TURN_ROUNDS, (mode) => measure(mode, 2, place))),
    }
    console.error(JSON.stringify(run))
    return run
  })
}
if (runs('relay')) {
  // One relay server for the whole part, as a team has one; every measurement is a new room.
  const relay = await startRelay()
  try {
    result.relay = []
    for (const peers of PEER_COUNTS) {
      const run = {
        peers,
        ...(await compare(ROUNDS, (mode) => measure(mode, peers, { url: relay.url }), [
          'relay',
          'relay-baseline',
        ])),
      }
      console.error(JSON.stringify({ path: 'relay', ...run }))
      result.relay.push(run)
    }
  } finally {
    await relay.close()
  }
}
console.log(JSON.stringify(result))
console.error(
  JSON.stringify({
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    node: process.version,
    editsPerPeer: EDITS_PER_PEER,
    rounds: ROUNDS,
    turnRounds: TURN_ROUNDS,
    intervalMs: INTERVAL_MS,
    date: new Date().toISOString(),
  }),
)
