/**
 * Moving a case to a new room and key, the way to remove someone from it: the owner's app
 * copies the case into a new room, and the old room keeps only a "moved" notice.
 */
import * as Y from 'yjs'
import { metaMap, readMeta } from '@shared/case/case-doc'
import type { CaseSummary } from '@shared/ipc'
import { AppError } from '@shared/result'
import { generateRoomId } from '@shared/room/room-key'
import type { CaseIndex } from '../cases/case-index'
import type { AppStore } from '../storage/app-store'
import type { RoomKeys } from '../storage/room-keys'
import { mergeUpdates, type RoomStore } from '../storage/room-store'

export class KeyRotation {
  constructor(
    private readonly app: AppStore,
    private readonly index: CaseIndex,
    private readonly rooms: RoomStore,
    private readonly keys: RoomKeys,
    private readonly now: () => Date,
  ) {}

  async rotate(roomId: string): Promise<CaseSummary> {
    const entry = this.index.require(roomId)
    const identity = this.app.data.identity
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, mergeUpdates([this.rooms.load(roomId).state]))
    if (!identity || readMeta(doc).ownerId !== identity.memberId) {
      doc.destroy()
      throw new AppError('invalid-input', 'Only the case owner can move the case to a new key.')
    }
    // The copy carries everything but the old room's "moved" notice.
    metaMap(doc).delete('movedAt')
    metaMap(doc).delete('movedBy')
    const newRoomId = generateRoomId()
    this.rooms.create(newRoomId, Y.encodeStateAsUpdate(doc))
    doc.destroy()
    await this.keys.create(newRoomId)
    const moved: CaseSummary = {
      ...entry,
      roomId: newRoomId,
      lastActivity: this.now().toISOString(),
    }
    await this.app.update((data) => {
      data.cases = data.cases.map((item) => (item.roomId === roomId ? moved : item))
    })
    this.rooms.delete(roomId)
    await this.keys.delete(roomId)
    return moved
  }
}
