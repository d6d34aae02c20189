/**
 * Feeds mutated and random inputs through what faces the network: the peer message gate and
 * the apply path behind it (as peer-messages.ts applies), the readers a case is shown with
 * (caseNote, customerReply, approvalStatus), and the signaling hub. Counts, per run:
 * - inputs;
 * - refused: what the gate refused, or what threw while the gate applied it (the peer is cut
 *   off then), which is the gate doing its job;
 * - crashes: a throw anywhere else (the gate itself, the hub, awareness);
 * - hangs: an input taking longer than `hangMs`;
 * - divergences: two documents fed the same accepted updates, in different orders, that end
 *   in different states;
 * - unrenderable: states a reader throws on.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { SignalingHub } from '../../src/main/services/signaling/signaling-hub'
import { DEFAULT_SIGNALING_LIMITS } from '../../src/main/services/signaling/signaling-limits'
import { approvalStatus } from '../../src/shared/case/approval'
import { initializeCase } from '../../src/shared/case/case-doc'
import { caseNote } from '../../src/shared/case/documents/case-note'
import { customerReply } from '../../src/shared/case/fragments/customer-reply'
import { checkPeerMessage } from '../../src/shared/room/message-check'
import { readPresence } from '../../src/shared/room/presence'
import { deeplyNestedUpdate } from '../fixtures/deep-nesting'
import {
  awarenessFloodMessage,
  bcPeerIdMessage,
  syncUpdateMessage,
} from '../fixtures/hostile-messages'
import { applyRandomEdits, caseContent } from '../fixtures/random-case-edits'
import { recordUpdates } from '../fixtures/recorded-updates'
import { seededRandom, type SeededRandom } from '../fixtures/seeded-random'

export interface FuzzOptions {
  inputs: number
  seed?: number
  /** An input taking longer than this counts as a hang. @default 2000 */
  hangMs?: number
  /** Inputs per pair of documents before they are compared and started afresh. @default 100 */
  roundLength?: number
}

export interface FuzzFigures {
  seed: number
  inputs: number
  accepted: number
  refused: number
  crashes: number
  hangs: number
  divergences: number
  unrenderable: number
  signalingFrames: number
  slowestInputMs: number
  durationMs: number
  /** The first few failures, to replay by seed. */
  failures: string[]
}

/** Real updates, recorded from seeded random edits to a case, as peers would send them. */
function recordCorpus(seed: number): Uint8Array[] {
  const doc = new Y.Doc({ gc: false })
  const updates = recordUpdates(doc)
  initializeCase(
    doc,
    {
      title: 'Fuzz',
      ticket: { system: 'zendesk', id: '1', url: '' },
      customer: 'Acme',
      priority: 'high',
      swarmType: 'vip-incident',
    },
    { memberId: 'dana', name: 'Dana', color: '#2563eb' },
  )
  applyRandomEdits(doc, seed, 120, 'dana')
  updates.push(Y.encodeStateAsUpdate(doc))
  return updates
}

function mutate(random: SeededRandom, bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice()
  switch (random.int(0, 4)) {
    case 0:
      for (let flips = random.int(1, 4); flips > 0 && copy.length > 0; flips -= 1) {
        copy[random.int(0, copy.length - 1)] = random.int(0, 255)
      }
      return copy
    case 1:
      return copy.subarray(0, random.int(0, copy.length))
    case 2: {
      const at = random.int(0, copy.length)
      return Uint8Array.from([
        ...copy.subarray(0, at),
        ...random.bytes(random.int(1, 8)),
        ...copy.subarray(at),
      ])
    }
    case 3: {
      const at = random.int(0, copy.length)
      return Uint8Array.from([
        ...copy.subarray(0, at),
        ...copy.subarray(Math.min(copy.length, at + random.int(1, 8))),
      ])
    }
    default:
      return random.bytes(random.int(0, 64))
  }
}

function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

function awarenessMessage(awareness: Awareness): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]))
  return encoding.toUint8Array(encoder)
}

/** One peer message: a real one, a mutated one, or a hostile one the review described. */
function peerMessage(
  random: SeededRandom,
  corpus: readonly Uint8Array[],
  peer: Awareness,
): Uint8Array {
  const real = (): Uint8Array => syncUpdateMessage(random.pick(corpus))
  switch (random.int(0, 9)) {
    case 0:
    case 1:
      return real()
    case 2:
      return syncUpdateMessage(mutate(random, random.pick(corpus)))
    case 3:
    case 4:
      return mutate(random, real())
    case 5:
      peer.setLocalState({
        user: { memberId: `m${random.int(0, 9)}`, name: 'N', color: '#000', role: 'owner' },
        section: null,
      })
      return random.next() < 0.5 ? awarenessMessage(peer) : mutate(random, awarenessMessage(peer))
    case 6:
      return random.next() < 0.5 ? syncStep1(new Y.Doc()) : mutate(random, syncStep1(new Y.Doc()))
    case 7:
      return random.next() < 0.5
        ? bcPeerIdMessage(`peer-${random.int(0, 1e6)}`)
        : awarenessFloodMessage(random.int(1, 400))
    case 8:
      return syncUpdateMessage(
        deeplyNestedUpdate(random.pick(['summary', 'customerUpdate']), random.int(1, 400)),
      )
    default:
      return random.bytes(random.int(0, 32))
  }
}

function signalingFrame(random: SeededRandom): string | undefined {
  const topic = random.pick(['room-a', 'room-b', 'x'.repeat(random.int(0, 300))])
  const frames = [
    JSON.stringify({ type: 'subscribe', topics: [topic, random.int(0, 9)] }),
    JSON.stringify({ type: 'unsubscribe', topics: [topic] }),
    JSON.stringify({ type: 'publish', topic, data: 'x'.repeat(random.int(0, 100)) }),
    JSON.stringify({ type: 'ping' }),
    '['.repeat(random.int(1, 20_000)),
    `{"type":"publish","topic":"room-a","data":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  ]
  const frame = random.pick(frames)
  if (random.next() < 0.1) return undefined
  if (random.next() < 0.3) {
    const at = random.int(0, frame.length)
    return frame.slice(0, at) + String.fromCharCode(random.int(0, 0xffff)) + frame.slice(at + 1)
  }
  return frame
}

class StubSocket {
  readonly OPEN = 1
  readyState = 1
  bufferedAmount = 0
  send(): void {}
  ping(): void {}
  close(): void {
    this.readyState = 3
  }
  terminate(): void {
    this.readyState = 3
  }
}

export function runFuzz(options: FuzzOptions): FuzzFigures {
  const seed = options.seed ?? 1
  const hangMs = options.hangMs ?? 2000
  const roundLength = options.roundLength ?? 100
  const random = seededRandom(seed)
  const started = performance.now()
  const figures: FuzzFigures = {
    seed,
    inputs: 0,
    accepted: 0,
    refused: 0,
    crashes: 0,
    hangs: 0,
    divergences: 0,
    unrenderable: 0,
    signalingFrames: 0,
    slowestInputMs: 0,
    durationMs: 0,
    failures: [],
  }
  const fail = (kind: keyof FuzzFigures, detail: string): void => {
    ;(figures[kind] as number) += 1
    if (figures.failures.length < 10)
      figures.failures.push(`${kind} at input ${figures.inputs}: ${detail}`)
  }
  const corpus = [...recordCorpus(seed), ...recordCorpus(seed + 1)]
  const hubFailures: unknown[] = []
  const hub = new SignalingHub(DEFAULT_SIGNALING_LIMITS, (event, detail) => {
    if (event === 'message-failed') hubFailures.push(detail)
  })
  const hubClients = Array.from({ length: 3 }, (_, index) =>
    hub.add(new StubSocket() as unknown as WebSocket, `127.0.0.${index + 1}`),
  )

  let docA = new Y.Doc({ gc: false })
  let awareness = new Awareness(docA)
  let peer = new Awareness(new Y.Doc())
  let accepted: Uint8Array[] = []
  const endRound = (): void => {
    const docB = new Y.Doc({ gc: false })
    try {
      for (const update of [...accepted].reverse()) Y.applyUpdate(docB, update)
    } catch (error) {
      // An update that applied to one document throws on another that got them in another order.
      fail('divergences', `seed ${seed}: replay threw ${String(error)}`)
    }
    const same =
      JSON.stringify(caseContent(docA)) === JSON.stringify(caseContent(docB)) &&
      Y.encodeStateVector(docA).join() === Y.encodeStateVector(docB).join()
    if (!same) fail('divergences', `seed ${seed}`)
    awareness.destroy()
    peer.destroy()
    docA = new Y.Doc({ gc: false })
    awareness = new Awareness(docA)
    peer = new Awareness(new Y.Doc())
    accepted = []
  }

  for (let index = 0; index < options.inputs; index += 1) {
    const begin = performance.now()
    figures.inputs += 1
    if (random.next() < 0.2) {
      const frame = signalingFrame(random)
      figures.signalingFrames += 1
      const failuresBefore = hubFailures.length
      try {
        hub.receive(random.pick(hubClients), frame)
      } catch (error) {
        fail('crashes', `hub threw ${String(error)}`)
      }
      if (hubFailures.length > failuresBefore)
        fail('crashes', `hub: ${JSON.stringify(hubFailures.at(-1))}`)
    } else {
      feedPeerMessage(peerMessage(random, corpus, peer))
    }
    const took = performance.now() - begin
    figures.slowestInputMs = Math.max(figures.slowestInputMs, Math.round(took))
    if (took > hangMs) fail('hangs', `${Math.round(took)} ms`)
    if ((index + 1) % roundLength === 0) endRound()
  }
  endRound()
  // Awareness checks for outdated states on a timer; left running, it keeps the process alive.
  awareness.destroy()
  peer.destroy()
  figures.durationMs = Math.round(performance.now() - started)
  return figures

  function feedPeerMessage(message: Uint8Array): void {
    let check: ReturnType<typeof checkPeerMessage>
    try {
      check = checkPeerMessage(message)
    } catch (error) {
      fail('crashes', `gate threw ${String(error)}`)
      return
    }
    if (check.kind === 'refuse' || check.kind === 'drop') {
      figures.refused += 1
      return
    }
    if (check.kind === 'apply') {
      try {
        Y.applyUpdate(docA, check.update, 'peer')
      } catch {
        figures.refused += 1
        return
      }
      accepted.push(check.update)
      figures.accepted += 1
      try {
        caseNote(docA)
        customerReply(docA)
        approvalStatus(docA)
      } catch (error) {
        fail('unrenderable', String(error))
      }
      return
    }
    figures.accepted += 1
    try {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) === 1) {
        applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'peer')
        readPresence(awareness, 'dana')
      }
    } catch (error) {
      fail('crashes', `awareness threw ${String(error)}`)
    }
  }
}
