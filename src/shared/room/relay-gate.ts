/**
 * What the relay passes on comes from anyone holding the relay token, so it goes through the
 * same gate as what peers send (message-check.ts) before the relay document or its awareness
 * sees it. A refused message is dropped and reported; the relay stays connected, since it
 * carries everyone else's changes too.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { checkAwarenessUpdate, checkSyncMessage, type PeerMessageCheck } from './message-check'
import { PROBLEMS, reportPeerMessageProblem } from './message-problems'

type RelayMessage = Parameters<HocuspocusProvider['onMessage']>[0]

// Hocuspocus's message types (@hocuspocus/provider, MessageType).
const RELAY_SYNC = 0
const RELAY_AWARENESS = 1

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
      if (type === RELAY_SYNC) check = checkSyncMessage(decoder)
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
