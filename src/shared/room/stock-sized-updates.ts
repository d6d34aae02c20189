/**
 * A document update too large for one data-channel message, made into several ordinary Yjs
 * messages for a peer that reads no chunks (stock y-webrtc). Each carries the structs of a
 * range of clocks; Yjs holds any whose neighbours come later as pending and integrates them
 * when those arrive, so the pieces add up to the same document. The last message keeps the
 * original sync type and carries the delete set, so a sync step 2 still ends the sync.
 *
 * The pieces are cut from the document the update came from: a case keeps every struct
 * (`gc: false`), so the document as it stood at any state vector can be rebuilt
 * (`Y.createDocFromSnapshot`) and the structs between two state vectors read from it.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

const MESSAGE_SYNC = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2
/** Room for the message type, the sync type and the update's length in front of it. */
const MESSAGE_OVERHEAD = 8

type StateVector = Map<number, number>

/**
 * The messages, each at most `limit` bytes where a single struct allows it, that together say
 * what `message` (a sync step 2 or update) says; undefined when it is not one, or `doc` cannot
 * rebuild it (garbage-collected, or missing some of its structs).
 */
export function splitSyncMessage(
  doc: Y.Doc,
  message: Uint8Array,
  limit: number,
): Uint8Array[] | undefined {
  const parsed = readSyncUpdate(message)
  if (!parsed || doc.gc) return undefined
  const { from, to } = Y.parseUpdateMeta(parsed.update)
  for (const [client, clock] of to) if (Y.getState(doc.store, client) < clock) return undefined
  // A copy, so that rebuilding (which splits structs in place) never touches the live case.
  const source = new Y.Doc({ gc: false })
  Y.applyUpdate(source, Y.encodeStateAsUpdate(doc))
  const current = Y.decodeStateVector(Y.encodeStateVector(source))
  const full = (edge: StateVector): StateVector =>
    new Map([...current].map(([client, clock]) => [client, edge.get(client) ?? clock]))

  const pieces: Uint8Array[] = []
  const cut = (lower: StateVector, upper: StateVector): void => {
    const piece = structsBetween(source, full(lower), full(upper))
    if (piece.byteLength + MESSAGE_OVERHEAD <= limit || clocksBetween(lower, upper) <= 1) {
      pieces.push(piece)
      return
    }
    const middle = stepsAlong(lower, upper, 2)[0] ?? upper
    cut(lower, middle)
    cut(middle, upper)
  }
  const parts = Math.ceil(parsed.update.byteLength / limit)
  let lower = from
  for (const upper of [...stepsAlong(from, to, parts), to]) {
    cut(lower, upper)
    lower = upper
  }
  // Everything the update deletes, with none of its structs.
  const deletions = Y.diffUpdate(parsed.update, Y.encodeStateVector(to))
  return [
    ...pieces.map((piece) => syncMessage(SYNC_UPDATE, piece)),
    syncMessage(parsed.syncType, deletions),
  ]
}

function readSyncUpdate(message: Uint8Array): { syncType: number; update: Uint8Array } | undefined {
  try {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return undefined
    const syncType = decoding.readVarUint(decoder)
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return undefined
    return { syncType, update: decoding.readVarUint8Array(decoder) }
  } catch {
    return undefined
  }
}

function syncMessage(syncType: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** The structs `doc` holds from `lower` up to (not including) `upper`, as one update. */
function structsBetween(doc: Y.Doc, lower: StateVector, upper: StateVector): Uint8Array {
  const upTo = Y.createDocFromSnapshot(
    doc,
    Y.createSnapshot(Y.createDeleteSet(), upper),
    new Y.Doc({ gc: false }),
  )
  return Y.encodeStateAsUpdate(upTo, Y.encodeStateVector(lower))
}

function clocksBetween(lower: StateVector, upper: StateVector): number {
  let clocks = 0
  for (const [client, clock] of upper) clocks += clock - (lower.get(client) ?? 0)
  return clocks
}

/**
 * `parts - 1` state vectors between `lower` and `upper`, evenly spaced along the clocks of the
 * clients in order: the edges between `parts` ranges of about the same number of clocks.
 */
function stepsAlong(lower: StateVector, upper: StateVector, parts: number): StateVector[] {
  const total = clocksBetween(lower, upper)
  const clients = [...upper.keys()].sort((a, b) => a - b)
  const steps: StateVector[] = []
  for (let part = 1; part < parts; part += 1) {
    let left = Math.floor((total * part) / parts)
    const step = new Map<number, number>()
    for (const client of clients) {
      const start = lower.get(client) ?? 0
      const span = (upper.get(client) ?? 0) - start
      const taken = Math.min(span, left)
      step.set(client, start + taken)
      left -= taken
    }
    steps.push(step)
  }
  return steps
}
