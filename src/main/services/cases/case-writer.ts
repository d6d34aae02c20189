/**
 * How main reads and changes a case without holding a live document: it builds one from the
 * room log, applies the change, appends the resulting Yjs update to the log and sends it to
 * the renderer (`room:update`), which applies it to the open room without saving it again;
 * from there it reaches the other members like any edit.
 */
import * as Y from 'yjs'
import type { AppStore } from '../storage/app-store'
import type { RoomStore } from '../storage/room-store'
import type { Emit } from '../ports'
import type { CaseIndex } from './case-index'

export class CaseWriter {
  constructor(
    private readonly app: AppStore,
    private readonly index: CaseIndex,
    private readonly rooms: RoomStore,
    private readonly emit: Emit,
    private readonly now: () => Date,
  ) {}

  has(roomId: string): boolean {
    return this.index.has(roomId)
  }

  /**
   * The case as its log holds it. The renderer flushes its saver before asking main about a
   * case, so this is what the user sees. The caller destroys the document.
   */
  read(roomId: string): Y.Doc {
    this.index.require(roomId)
    // History stays (docs/case-schema.md, snapshots): the same settings as the renderer's doc.
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, this.rooms.state(roomId))
    return doc
  }

  /** Reads the case, changes it, and saves and sends the change; returns what `change` returns. */
  write<T>(roomId: string, change: (doc: Y.Doc) => T): T {
    const entry = this.index.require(roomId)
    const doc = this.read(roomId)
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array): void => {
      updates.push(update)
    }
    doc.on('update', collect)
    try {
      const result = change(doc)
      if (updates.length > 0) {
        const update = Y.mergeUpdates(updates)
        this.rooms.append(roomId, update)
        this.app.updateSoon(() => {
          entry.lastActivity = this.now().toISOString()
        })
        this.emit('room:update', { roomId, update })
      }
      return result
    } finally {
      doc.off('update', collect)
      doc.destroy()
    }
  }
}
