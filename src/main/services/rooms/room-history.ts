/** A room's saved history: what the renderer loads when a case opens, and every edit it saves. */
import type { Notice } from '@shared/ipc'
import type { CaseIndex } from '../cases/case-index'
import type { Emit } from '../ports'
import type { AppStore } from '../storage/app-store'
import type { LogDamage } from '../storage/room-log'
import type { RoomStore, UnmergedUpdates } from '../storage/room-store'

export interface LoadedRoom {
  state: Uint8Array
  /** What the user should know about the saved file (damage set aside). */
  notices: Notice[]
}

export class RoomHistory {
  constructor(
    private readonly app: AppStore,
    private readonly index: CaseIndex,
    private readonly rooms: RoomStore,
    private readonly emit: Emit,
    private readonly now: () => Date,
  ) {}

  load(roomId: string): LoadedRoom {
    const entry = this.index.require(roomId)
    const { state, damage, unmerged } = this.rooms.load(roomId)
    const notices = [
      ...(damage ? [damageNotice(entry.title, damage)] : []),
      ...(unmerged ? [unmergedNotice(entry.title, unmerged)] : []),
    ]
    return { state, notices }
  }

  /** Saves an edit; `unseen` is a teammate's, arriving while the case was not on screen. */
  append(roomId: string, update: Uint8Array, unseen = false): void {
    const entry = this.index.require(roomId)
    this.rooms.append(roomId, update)
    const turnsUnread = unseen && !entry.unread
    this.app.updateSoon(() => {
      entry.lastActivity = this.now().toISOString()
      if (unseen) entry.unread = true
    })
    // Once per case until it is seen again, not on every keystroke a teammate makes.
    if (turnsUnread) this.emit('cases:changed', { roomId })
  }

  /** The member looked at the case. */
  seen(roomId: string): void {
    const entry = this.index.require(roomId)
    if (!entry.unread) return
    this.app.updateSoon(() => {
      entry.unread = false
    })
    this.emit('cases:changed', { roomId })
  }

  close(roomId: string): void {
    this.index.require(roomId)
    this.rooms.close(roomId)
  }
}

function damageNotice(title: string, damage: LogDamage): Notice {
  const what =
    damage.reason === 'not-a-log'
      ? 'The saved file of this case was not a Swarmroom case file, so the case opened empty.'
      : damage.reason === 'unauthenticated'
        ? `The last ${damage.bytes} bytes of its saved history had been changed on disk and ` +
          'failed their check, so they were not opened; everything saved before them opened.'
        : `The last ${damage.bytes} bytes of its saved history were damaged (most likely cut off ` +
          'by a crash or power loss) and could not be read; everything saved before them opened.'
  return {
    id: `damaged-${damage.keptAs}`,
    level: 'warning',
    message: `Case "${title}": ${what} The unreadable part was kept as ${damage.keptAs}.`,
  }
}

function unmergedNotice(title: string, unmerged: UnmergedUpdates): Notice {
  const what =
    unmerged.count === 1 ? 'One saved change was' : `${unmerged.count} saved changes were`
  return {
    id: `unmergeable-${unmerged.keptAs}`,
    level: 'warning',
    message:
      `Case "${title}": ${what} not a valid edit and could not be added to the case; ` +
      `everything else opened. A copy was kept as ${unmerged.keptAs} before the saved ` +
      'history was tidied, so nothing was deleted.',
  }
}
