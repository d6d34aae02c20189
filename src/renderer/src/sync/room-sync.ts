/**
 * Every active case stays in sync while the app runs, with its window open or closed to the
 * tray: each one `active-rooms.ts` names keeps its live document and room connection, saves
 * teammates' edits to disk, notifies this member and marks itself unread in the lobby. The
 * case on screen is one of them (or joins them while it is open), so opening an active case
 * shows it at once.
 */
import type { Identity } from '@shared/ipc'
import { activeRoomIds } from '@shared/room/active-rooms'
import { swarmroom } from '../api'
import { LiveRoom } from './live-room'

/** Cases change state in bursts (a teammate edits five): the list is read once per burst. */
const RECONCILE_DELAY_MS = 500
/** Often enough that a case crossing the 30-day line leaves within the hour. */
const RECONCILE_EVERY_MS = 15 * 60 * 1000

interface Entry {
  room: Promise<LiveRoom>
  /** The room once loaded, for what must happen at once (saving before the window closes). */
  loaded?: LiveRoom
  /** Views showing the case; it is on screen while any is. */
  views: number
  active: boolean
}

export class RoomSync {
  private readonly rooms = new Map<string, Entry>()
  private identity: Identity | undefined
  private reconcileTimer: ReturnType<typeof setTimeout> | undefined
  private readonly stops: (() => void)[] = []

  /** Starts syncing the active cases as `identity`; again with a new identity after a rename. */
  start(identity: Identity): void {
    const first = this.identity === undefined
    this.identity = identity
    for (const entry of this.rooms.values())
      void entry.room.then((room) => room.setIdentity(identity))
    if (!first) return
    this.stops.push(swarmroom.events.on('cases:changed', () => this.reconcileSoon()))
    const every = setInterval(() => this.reconcileSoon(), RECONCILE_EVERY_MS)
    this.stops.push(() => clearInterval(every))
    const online = (): void => this.forEach((room) => room.setOnline(true))
    const offline = (): void => this.forEach((room) => room.setOnline(false))
    window.addEventListener('online', online)
    window.addEventListener('offline', offline)
    // Hold the window open until the last keystrokes of every case are on disk.
    const beforeUnload = (event: BeforeUnloadEvent): void => {
      const pending = this.loaded().filter((room) => room.saver.hasPending)
      if (pending.length === 0) return
      event.preventDefault()
      void Promise.all(pending.map((room) => room.saver.flush())).then(() => window.close())
    }
    window.addEventListener('beforeunload', beforeUnload)
    this.stops.push(() => {
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
      window.removeEventListener('beforeunload', beforeUnload)
    })
    void this.reconcile()
  }

  /** The case on screen: live already when active, loaded and joined otherwise. */
  async show(roomId: string): Promise<LiveRoom> {
    const entry = this.entryFor(roomId, false)
    entry.views += 1
    try {
      const room = await entry.room
      if (entry.views > 0) await room.show()
      return room
    } catch (error) {
      entry.views -= 1
      throw error
    }
  }

  /** The case left the screen: it keeps syncing if it is active, and is closed otherwise. */
  leave(roomId: string): void {
    const entry = this.rooms.get(roomId)
    if (!entry) return
    entry.views = Math.max(0, entry.views - 1)
    if (entry.views > 0) return
    if (entry.active) void entry.room.then((room) => room.hide())
    else this.close(roomId, entry)
  }

  private entryFor(roomId: string, active: boolean): Entry {
    const existing = this.rooms.get(roomId)
    if (existing) return existing
    const identity = this.identity
    if (!identity) throw new Error('Room sync has not started: there is no identity yet.')
    const room = LiveRoom.load(roomId, identity).then((loaded) => {
      void loaded.connect()
      return loaded
    })
    const entry: Entry = { room, views: 0, active }
    this.rooms.set(roomId, entry)
    void room.then(
      (loaded) => (entry.loaded = loaded),
      () => undefined,
    )
    // A case that cannot be loaded (deleted meanwhile, say) is not kept; opening it says why.
    room.catch((error: unknown) => {
      if (this.rooms.get(roomId) === entry) this.rooms.delete(roomId)
      if (entry.views === 0) console.warn(`case ${roomId} could not be synced`, error)
    })
    return entry
  }

  private reconcileSoon(): void {
    clearTimeout(this.reconcileTimer)
    this.reconcileTimer = setTimeout(() => void this.reconcile(), RECONCILE_DELAY_MS)
  }

  private async reconcile(): Promise<void> {
    const list = await swarmroom.cases.list()
    if (!list.ok) return
    const active = new Set(activeRoomIds(list.value, new Date()))
    for (const roomId of active) this.entryFor(roomId, true).active = true
    for (const [roomId, entry] of this.rooms) {
      if (active.has(roomId)) continue
      entry.active = false
      // Deleted or archived, or quiet for a month: leaves, once it is no longer on screen.
      if (entry.views === 0) this.close(roomId, entry)
    }
  }

  private close(roomId: string, entry: Entry): void {
    if (this.rooms.get(roomId) === entry) this.rooms.delete(roomId)
    void entry.room.then(
      (room) => room.close(),
      () => undefined,
    )
  }

  private loaded(): LiveRoom[] {
    return [...this.rooms.values()].flatMap((entry) => (entry.loaded ? [entry.loaded] : []))
  }

  private forEach(run: (room: LiveRoom) => void): void {
    for (const entry of this.rooms.values()) void entry.room.then(run, () => undefined)
  }
}

/** The one sync of this window. */
export const roomSync = new RoomSync()
