/**
 * What the relay passes on comes from anyone holding the relay token, so it is checked before
 * the relay document or its awareness sees it: awareness as peers' is (message-check.ts); an
 * update to the relay document must decode and nest no deeper than RELAY_NESTING, since the
 * document is a flat array of sealed entries. It is not applied to a scratch document first
 * as a case update is: nothing in it reaches the case before it is opened and checked in full
 * (relay-entries.ts), and that check would double the time every edit takes to arrive. A
 * refused message is dropped and reported; the relay stays connected, since it carries
 * everyone else's changes too.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { checkAwarenessUpdate, type PeerMessageCheck } from './message-check'
import { PROBLEMS, reportPeerMessageProblem } from './message-problems'
import { updateDepth } from './update-depth'

type RelayMessage = Parameters<HocuspocusProvider['onMessage']>[0]

// Hocuspocus's message types (@hocuspocus/provider, MessageType), and y-protocols' sync steps.
const RELAY_SYNC = 0
const RELAY_AWARENESS = 1
const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** Entries sit at level 1; a little room is left, and a nesting attack is far deeper. */
const RELAY_NESTING = 4

function checkRelaySync(decoder: decoding.Decoder): PeerMessageCheck {
  const step = decoding.readVarUint(decoder)
  if (step === SYNC_STEP_1) return { kind: 'pass' }
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE)
    return { kind: 'refuse', problem: PROBLEMS.relay }
  const update = decoding.readVarUint8Array(decoder)
  const { structs } = Y.decodeUpdate(update)
  if (updateDepth(structs, RELAY_NESTING) > RELAY_NESTING) {
    return { kind: 'refuse', problem: PROBLEMS.relay }
  }
  return { kind: 'apply', update, step2: step === SYNC_STEP_2 }
}

/**
 * Accepted updates to the relay document are applied here, where an error is seen, and the
 * provider gets the message without its update.
 */
export function gateRelayMessages(provider: HocuspocusProvider, relayDoc: Y.Doc): void {
  const receive = provider.onMessage.bind(provider)
  provider.onMessage = (event: RelayMessage) => {
    const bytes = new Uint8Array(event.data as ArrayBuffer)
    let check: PeerMessageCheck
    let documentName = ''
    try {
      const decoder = decoding.createDecoder(bytes)
      documentName = decoding.readVarString(decoder)
      const type = decoding.readVarUint(decoder)
      if (type === RELAY_SYNC) check = checkRelaySync(decoder)
      else if (type === RELAY_AWARENESS)
        check = checkAwarenessUpdate(decoding.readVarUint8Array(decoder))
      else check = { kind: 'pass' }
    } catch {
      check = { kind: 'refuse', problem: PROBLEMS.relay }
    }
    if (check.kind === 'refuse' || check.kind === 'drop') {
      reportPeerMessageProblem(PROBLEMS.relay)
      return
    }
    if (check.kind === 'pass') return receive(event)
    try {
      Y.applyUpdate(relayDoc, check.update, provider)
    } catch (error) {
      console.warn('ignored an update from the relay that could not be applied', error)
      reportPeerMessageProblem(PROBLEMS.relay)
      return
    }
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, documentName)
    encoding.writeVarUint(encoder, RELAY_SYNC)
    // Sync step 2 or update, as received, with an empty update: the provider's bookkeeping runs.
    encoding.writeVarUint(encoder, check.step2 ? 1 : 2)
    encoding.writeVarUint8Array(encoder, EMPTY_UPDATE)
    const data = encoding.toUint8Array(encoder)
    receive({ ...event, data: data.buffer })
  }
}

const EMPTY_UPDATE = Uint8Array.from([0, 0])
