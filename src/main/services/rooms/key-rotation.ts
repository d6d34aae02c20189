/**
 * Moving a case to a new room and key, the way to remove someone from it: the owner's app
 * copies the case into a new room, and the old room keeps only a "moved" notice.
 */
import * as Y from 'yjs'
import { metaMap } from '@shared/case/case-doc'
import { checkCaseTrust } from '@shared/case/signatures/case-trust'
import { seenInCase } from '@shared/case/signatures/trust-pins'
import type { CaseSummary } from '@shared/ipc'
import { AppError } from '@shared/result'
import { generateRoomId } from '@shared/room/room-key'
import type { CaseIndex } from '../cases/case-index'
import type { TrustStore } from '../identity/trust-store'
import type { AppStore } from '../storage/app-store'
import type { RoomKeys } from '../storage/room-keys'
import { mergeUpdates, type RoomStore } from '../storage/room-store'

export interface KeyRotationServices {
  app: AppStore
  caseIndex: CaseIndex
  rooms: RoomStore
  keys: RoomKeys
  trust: TrustStore
  now: () => Date
}

export class KeyRotation {
  constructor(private readonly services: KeyRotationServices) {}

  async rotate(roomId: string): Promise<CaseSummary> {
    const { app, caseIndex, rooms, keys, trust, now } = this.services
    const entry = caseIndex.require(roomId)
    const identity = app.data.identity
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, mergeUpdates([rooms.load(roomId).state]))
    const pins = await trust.pin(roomId, seenInCase(doc, roomId))
    const { owner } = await checkCaseTrust(doc, pins)
    // Whoever set `meta.ownerId` to themselves cannot lock the real owner out: the verified
    // owner, the creator and the last owner this computer verified may always move the case.
    const me = identity?.memberId ?? ''
    if (me === '' || ![owner.verified, pins.creator, pins.lastOwner].includes(me)) {
      doc.destroy()
      throw new AppError('invalid-input', 'Only the case owner can move the case to a new key.')
    }
    // The copy carries everything but the old room's "moved" notice, and its owner is you.
    metaMap(doc).delete('movedAt')
    metaMap(doc).delete('movedBy')
    metaMap(doc).set('caseRoomId', pins.caseRoom)
    if (owner.forged && me === owner.verified) metaMap(doc).set('ownerId', me)
    const newRoomId = generateRoomId()
    rooms.create(newRoomId, Y.encodeStateAsUpdate(doc))
    doc.destroy()
    await trust.move(roomId, newRoomId)
    await keys.create(newRoomId)
    const moved: CaseSummary = {
      ...entry,
      roomId: newRoomId,
      lastActivity: now().toISOString(),
    }
    await app.update((data) => {
      data.cases = data.cases.map((item) => (item.roomId === roomId ? moved : item))
      // The ticket the owner confirmed stays confirmed for the moved case.
      const { [roomId]: confirmed, ...others } = data.confirmedTickets
      data.confirmedTickets =
        confirmed === undefined ? others : { ...others, [newRoomId]: confirmed }
    })
    rooms.delete(roomId)
    await keys.delete(roomId)
    return moved
  }
}
