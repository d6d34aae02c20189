/**
 * One case kept live in this window: its Y.Doc loaded from disk, its room connection, every
 * update forwarded to main's log, desktop notifications from it, and its line in the lobby
 * kept current. A case lives while it is on screen or active in the background
 * (`room-sync.ts`); opening a case that is already live shows it at once.
 *
 * Updates that came from disk or from main are tagged with an origin and not written back. A
 * teammate's edit saved while nobody is looking at the case marks it unread in the lobby.
 */
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { registerAuthor } from '@shared/case/authorship'
import { isCaseInitialized, metaMap } from '@shared/case/case-doc'
import { LiveCaseDoc } from '@shared/case/live-doc'
import { readLobbyLine } from '@shared/case/lobby-line'
import { joinCase, membersMap, readMembers, settleOwnColor } from '@shared/case/members'
import { memberColorSlots, shownColor } from '@shared/case/member-colors'
import { removeUneditedPrompts } from '@shared/case/prompt-migration'
import { updatesArray } from '@shared/case/updates'
import type { Identity, Notice } from '@shared/ipc'
import { onPeerMessageProblem } from '@shared/room/message-problems'
import { setLocalPresence } from '@shared/room/presence'
import { RoomConnection } from '@shared/room/room-connection'
import { OFFLINE_STATUS, type RoomStatus } from '@shared/room/room-status'
import { UpdateSaver } from '@shared/room/update-saver'
import { swarmroom } from '../api'
import { CaseNotifier } from './case-notifier'

const STORAGE_ORIGIN = Symbol('loaded from disk')

export interface RoomLink {
  status: RoomStatus
  /** True once the room has been reachable, so a loss reads "reconnecting". */
  everConnected: boolean
  /** Why the room cannot connect at all (the key is unreadable, say); the case still works. */
  problem?: string
  /** Something a teammate's app sent to this case that had to be ignored; the room carries on. */
  peerProblem?: string
}

const STARTING: RoomStatus = { ...OFFLINE_STATUS, state: 'connecting' }

export class LiveRoom {
  // History stays for review mode; a part that fails on a change cannot stop edits being saved.
  readonly doc: Y.Doc = new LiveCaseDoc()
  /** Presence lives as long as the case; connections to the room come and go under it. */
  readonly awareness = new Awareness(this.doc)
  readonly saver: UpdateSaver
  /** What the user should know about the saved file, shown when the case is opened. */
  notices: Notice[] = []
  private connection: RoomConnection | undefined
  /** Bumped on every (re)connect, so a connection that opens late for an old one is dropped. */
  private generation = 0
  private currentLink: RoomLink = { status: STARTING, everConnected: false }
  private readonly linkListeners = new Set<(link: RoomLink) => void>()
  private onScreen = false
  private joined = false
  /** A teammate's edit is waiting in the saver while nobody looks at the case. */
  private unseenPending = false
  private online = true
  private closed = false
  private readonly cleanups: (() => void)[] = []

  private constructor(
    readonly roomId: string,
    private identity: Identity,
  ) {
    this.saver = new UpdateSaver((update) => {
      const unseen = this.unseenPending
      this.unseenPending = false
      return swarmroom.room.append({ roomId, update, ...(unseen ? { unseen } : {}) })
    })
  }

  /** Loads the case from disk; fails with the message main gave (the case was deleted, say). */
  static async load(roomId: string, identity: Identity): Promise<LiveRoom> {
    const room = new LiveRoom(roomId, identity)
    // Main's own changes (an export's result) are already in the log: applied, not saved again.
    // Listened to before loading, so none made meanwhile is missed.
    room.cleanups.push(
      swarmroom.events.on('room:update', (event) => {
        if (event.roomId === roomId && !room.closed) {
          Y.applyUpdate(room.doc, event.update, STORAGE_ORIGIN)
        }
      }),
    )
    const result = await swarmroom.room.load({ roomId })
    if (!result.ok) {
      room.closeNow()
      throw new Error(result.error.message)
    }
    Y.applyUpdate(room.doc, result.value.state, STORAGE_ORIGIN)
    room.notices = result.value.notices
    room.watch()
    return room
  }

  get link(): RoomLink {
    return this.currentLink
  }

  onLink(listener: (link: RoomLink) => void): () => void {
    this.linkListeners.add(listener)
    return () => this.linkListeners.delete(listener)
  }

  /** The case is on screen: this member joins it, shows in its presence and has seen it. */
  async show(): Promise<void> {
    this.onScreen = true
    if (!this.joined) {
      this.joined = true
      // Without a key (no keychain) the member still joins; their decisions show unverified.
      const key = await swarmroom.identity.publicKey()
      if (this.closed) return
      const publicKey = key.ok ? key.value.publicKey : undefined
      const { identity } = this
      joinCase(this.doc, { ...identity, ...(publicKey ? { publicKey } : {}) }, 'contributor')
      registerAuthor(this.doc, identity.memberId)
    }
    // A case written by an earlier version: its owner's app takes the unedited prompts out,
    // once (a flag in the case says so); asked at every showing, as the case may have arrived
    // from a teammate only after it was first shown.
    removeUneditedPrompts(this.doc, this.identity.memberId)
    this.announce()
    this.markSeen()
  }

  /** The case left the screen but keeps syncing. */
  hide(): void {
    this.onScreen = false
    this.announce()
  }

  setIdentity(identity: Identity): void {
    this.identity = identity
    this.announce()
  }

  /** Joins the room with the servers and relay main names; again after a setting changed. */
  async connect(): Promise<void> {
    const generation = ++this.generation
    const previous = this.connection
    this.connection = undefined
    await previous?.destroy()
    const result = await swarmroom.room.connection({ roomId: this.roomId })
    if (this.closed || generation !== this.generation) return
    if (!result.ok) {
      this.setLink({
        ...this.currentLink,
        status: { ...STARTING, state: 'offline' },
        everConnected: false,
        problem: result.error.message,
      })
      return
    }
    const { key, signalingUrls, iceServers, relay } = result.value
    const opened = await RoomConnection.open(this.doc, {
      roomId: this.roomId,
      key,
      signalingUrls,
      iceServers,
      awareness: this.awareness,
      webrtc: { RTCPeerConnection, RTCSessionDescription, RTCIceCandidate },
      ...(relay ? { relay } : {}),
    })
    if (this.closed || generation !== this.generation) {
      void opened.destroy()
      return
    }
    this.connection = opened
    const show = (status: RoomStatus): void => {
      // A connection problem from an earlier attempt goes; a teammate's refused message stays.
      const { peerProblem, everConnected } = this.currentLink
      this.setLink({
        status,
        everConnected: everConnected || status.state === 'connected',
        ...(peerProblem === undefined ? {} : { peerProblem }),
      })
    }
    opened.onStatus(show)
    show(opened.status)
    if (!this.online) opened.goOffline()
  }

  /** Going offline stops all traffic (edits keep going to disk); back online rejoins. */
  setOnline(online: boolean): void {
    this.online = online
    if (online) void this.connection?.goOnline()
    else this.connection?.goOffline()
  }

  /** Whether this member is looking at the case right now. */
  private get looking(): boolean {
    return this.onScreen && document.visibilityState === 'visible'
  }

  /** Saves what is pending, leaves the room and lets main close the case's log. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.saver.flush()
    this.closeNow()
    await swarmroom.room.close({ roomId: this.roomId })
  }

  private closeNow(): void {
    this.closed = true
    this.generation += 1
    for (const cleanup of this.cleanups.splice(0)) cleanup()
    this.saver.dispose()
    void this.connection?.destroy()
    this.connection = undefined
    this.awareness.destroy()
    this.doc.destroy()
    this.linkListeners.clear()
  }

  private watch(): void {
    // Started on what was loaded: alerts already in the saved case were seen when they came.
    const notifier = new CaseNotifier(this.roomId, this.doc, this.identity.memberId)
    this.cleanups.push(() => notifier.dispose())
    const onUpdate = (
      update: Uint8Array,
      origin: unknown,
      _doc: Y.Doc,
      tr: Y.Transaction,
    ): void => {
      if (origin === STORAGE_ORIGIN) return
      if (!tr.local && !this.looking) this.unseenPending = true
      this.saver.push(update)
    }
    this.doc.on('update', onUpdate)
    this.cleanups.push(() => this.doc.off('update', onUpdate))

    const members = membersMap(this.doc)
    const onMembers = (): void => {
      // A teammate who joined at the same moment may keep the colour this member took.
      if (this.joined && settleOwnColor(this.doc, this.identity.memberId)) return
      this.announce()
    }
    members.observe(onMembers)
    this.cleanups.push(() => members.unobserve(onMembers))

    const meta = metaMap(this.doc)
    const report = (): void => this.reportSummary()
    meta.observe(report)
    this.cleanups.push(() => meta.unobserve(report))
    // The owner's name and the customer's waiting time are on the lobby's line too.
    const updates = updatesArray(this.doc)
    members.observe(report)
    updates.observe(report)
    this.cleanups.push(() => members.unobserve(report))
    this.cleanups.push(() => updates.unobserve(report))

    // Kept until the case is opened, when it was for a case syncing in the background.
    const stopProblems = onPeerMessageProblem((peerProblem, doc) => {
      if (doc === undefined || doc === this.doc) this.setLink({ ...this.currentLink, peerProblem })
    })
    this.cleanups.push(stopProblems)

    const onVisibility = (): void => {
      if (this.looking) this.markSeen()
    }
    document.addEventListener('visibilitychange', onVisibility)
    this.cleanups.push(() => document.removeEventListener('visibilitychange', onVisibility))
    this.announce()
  }

  /**
   * Presence: on screen, this member is in the room; in the background their app still syncs
   * the case, and teammates see them as away rather than as reading along.
   */
  private announce(): void {
    if (this.closed) return
    const members = readMembers(this.doc)
    const { memberId } = this.identity
    const role = members.get(memberId)?.role ?? 'contributor'
    // Teammates draw this member in their colour in the case, once they are a member of it.
    const color = members.has(memberId)
      ? shownColor(memberColorSlots(members), memberId)
      : this.identity.color
    setLocalPresence(this.awareness, { ...this.identity, role, color }, { away: !this.onScreen })
  }

  private markSeen(): void {
    if (!this.looking) return
    void swarmroom.room.seen({ roomId: this.roomId })
  }

  /** The lobby lists the title, status and owner the case document holds, as teammates change them. */
  private reportSummary(): void {
    const line = readLobbyLine(this.doc)
    if (line.title.trim().length === 0 || !isCaseInitialized(this.doc)) return
    void swarmroom.cases.updateSummary({ roomId: this.roomId, ...line })
  }

  private setLink(link: RoomLink): void {
    this.currentLink = link
    for (const listener of [...this.linkListeners]) listener(link)
  }
}
