/**
 * Presence through the team relay, sealed: names, roles and carets would tell the relay who
 * works on which case, so this member's own awareness entry (as y-protocols encodes it, clock
 * included) is sealed with the room key and sent as the relay awareness's only field,
 * `sealed`. Teammates open it and apply it to the room's awareness, where it meets the same
 * entry arriving over WebRTC and the newer clock wins. The relay sees only how many clients
 * are in a room and when their presence changes.
 *
 * The relay gets an awareness of its own: HocuspocusProvider puts listeners on its awareness
 * that it never removes and destroys it with itself, while the room's awareness is shared
 * with y-webrtc and the editors and outlives a relay connection.
 */
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness'
import { checkAwarenessUpdate } from './message-check'
import { PROBLEMS, reportPeerMessageProblem } from './message-problems'
import type { RelayCipher } from './relay-cipher'

const FROM_RELAY = 'relay'

type AwarenessChanges = Record<'added' | 'updated' | 'removed', number[]>

export class RelayPresence {
  /** Relay client → the room client whose sealed entry it carries. */
  private readonly teammates = new Map<number, number>()
  private sealing = false
  private resend = false
  private stopped = false

  constructor(
    private readonly room: Awareness,
    private readonly relayAwareness: Awareness,
    private readonly cipher: RelayCipher,
  ) {
    room.on('update', this.onRoomUpdate)
    relayAwareness.on('update', this.onRelayUpdate)
    this.sendOwn()
  }

  /** Teammates whose sealed presence opened: the relay's count of other people. */
  get count(): number {
    return this.teammates.size
  }

  /** Whether a teammate's presence (room awareness client id) comes through the relay. */
  holds(roomClient: number): boolean {
    return [...this.teammates.values()].includes(roomClient)
  }

  stop(): void {
    this.stopped = true
    this.room.off('update', this.onRoomUpdate)
    this.relayAwareness.off('update', this.onRelayUpdate)
  }

  /** Also on y-protocols' renewal every 15 s, so teammates' copies never time out. */
  private readonly onRoomUpdate = (changes: AwarenessChanges, origin: unknown): void => {
    if (origin === FROM_RELAY) return
    const own = this.room.clientID
    if ([...changes.added, ...changes.updated, ...changes.removed].includes(own)) this.sendOwn()
  }

  /** Seals the latest state only: carets moved during a seal are sent once it is done. */
  private sendOwn(): void {
    if (this.sealing) {
      this.resend = true
      return
    }
    this.sealing = true
    const entry = encodeAwarenessUpdate(this.room, [this.room.clientID])
    void this.cipher.seal(entry, 'presence').then((sealed) => {
      this.sealing = false
      if (this.stopped) return
      this.relayAwareness.setLocalState({ sealed: toBase64(sealed) })
      if (this.resend) {
        this.resend = false
        this.sendOwn()
      }
    })
  }

  private readonly onRelayUpdate = (changes: AwarenessChanges, origin: unknown): void => {
    if (origin === 'local') return
    const self = this.relayAwareness.clientID
    for (const client of [...changes.added, ...changes.updated]) {
      if (client === self) continue
      const state: unknown = this.relayAwareness.getStates().get(client)
      void this.open(client, state)
    }
    for (const client of changes.removed) this.forget(client)
  }

  private async open(client: number, state: unknown): Promise<void> {
    const sealed =
      typeof state === 'object' && state !== null && 'sealed' in state ? state.sealed : undefined
    const bytes = typeof sealed === 'string' ? readBase64(sealed) : undefined
    const entry = bytes && (await this.cipher.open(bytes, 'presence'))
    if (this.stopped) return
    const roomClient = entry ? this.roomClientOf(entry) : undefined
    if (!entry || roomClient === undefined) {
      reportPeerMessageProblem(entry ? PROBLEMS.relay : PROBLEMS.relaySealed, this.room.doc)
      return
    }
    this.teammates.set(client, roomClient)
    applyAwarenessUpdate(this.room, entry, FROM_RELAY)
  }

  /** The one room client a sealed entry speaks for, unless it is not one a teammate may send. */
  private roomClientOf(entry: Uint8Array): number | undefined {
    if (checkAwarenessUpdate(entry).kind !== 'pass') return undefined
    const decoder = decoding.createDecoder(entry)
    if (decoding.readVarUint(decoder) !== 1) return undefined
    const roomClient = decoding.readVarUint(decoder)
    return roomClient === this.room.clientID ? undefined : roomClient
  }

  /**
   * A teammate left the relay: their presence goes, at the clock it had, so their next renewal
   * (over WebRTC, if they are still connected that way) brings it back.
   */
  private forget(client: number): void {
    const roomClient = this.teammates.get(client)
    this.teammates.delete(client)
    if (roomClient === undefined || [...this.teammates.values()].includes(roomClient)) return
    const clock = this.room.meta.get(roomClient)?.clock
    if (clock === undefined || !this.room.getStates().has(roomClient)) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, roomClient)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, 'null')
    applyAwarenessUpdate(this.room, encoding.toUint8Array(encoder), FROM_RELAY)
  }
}

function readBase64(text: string): Uint8Array | undefined {
  try {
    return fromBase64(text)
  } catch {
    return undefined
  }
}
