/**
 * What happens to a case as a whole on this computer: naming who you are, creating a case,
 * joining one from an invite, changing its summary, archiving and deleting it. The handlers in
 * `handlers.ts` only call these.
 */
import * as Y from 'yjs'
import { registerAuthor } from '@shared/case/authorship'
import { initializeCase, metaMap } from '@shared/case/case-doc'
import { randomMemberColor } from '@shared/case/member-colors'
import type { NewCase } from '@shared/case/schema'
import type { CaseSummary, Identity } from '@shared/ipc'
import { AppError } from '@shared/result'
import { parseInvite } from '@shared/room/invite'
import { generateRoomId } from '@shared/room/room-key'
import type { Emit } from '../ports'
import type { AppStore } from '../storage/app-store'
import type { RoomKeys } from '../storage/room-keys'
import type { RoomStore } from '../storage/room-store'
import type { CaseIndex } from './case-index'
import { recordConfirmedTicket, type ConfirmedTickets } from './confirmed-tickets'

/** What can change in a case's summary from the room (its title, status and so on). */
export type SummaryChanges = Partial<
  Pick<
    CaseSummary,
    | 'title'
    | 'ticket'
    | 'customer'
    | 'priority'
    | 'swarmType'
    | 'status'
    | 'ownerId'
    | 'ownerName'
    | 'customerWaitingSince'
    | 'updatesSent'
  >
>

export class CaseService {
  constructor(
    private readonly app: AppStore,
    private readonly index: CaseIndex,
    private readonly rooms: RoomStore,
    private readonly keys: RoomKeys,
    private readonly now: () => Date,
    /** This device's public key, written into the creator's member entry. */
    private readonly publicKey: () => Promise<string>,
    /** The ticket the creator gave is the one confirmed for exports. */
    private readonly confirmedTickets: ConfirmedTickets,
    /** Tells the lobby that a case's line changed. */
    private readonly emit: Emit,
  ) {}

  /** Sets the display name; the first time, a member id and a colour are chosen too. */
  async setIdentity(name: string): Promise<Identity> {
    const current = this.app.data.identity
    const identity: Identity = current
      ? { ...current, name }
      : { memberId: globalThis.crypto.randomUUID(), name, color: randomMemberColor() }
    await this.app.update((data) => {
      data.identity = identity
    })
    return identity
  }

  async create(input: NewCase): Promise<CaseSummary> {
    const identity = this.index.requireIdentity()
    const roomId = generateRoomId()
    // The key first: without secure storage there is no case to half-create.
    await this.keys.create(roomId)
    const createdAt = this.now()
    const publicKey = await this.publicKey()
    const doc = new Y.Doc({ gc: false })
    registerAuthor(doc, identity.memberId)
    initializeCase(doc, input, { ...identity, publicKey }, createdAt)
    // Decisions are signed in this room id, which stays the case's own when it moves to a new key.
    metaMap(doc).set('caseRoomId', roomId)
    this.rooms.create(roomId, Y.encodeStateAsUpdate(doc))
    doc.destroy()
    const summary: CaseSummary = {
      roomId,
      title: input.title,
      ticket: input.ticket,
      customer: input.customer,
      priority: input.priority,
      swarmType: input.swarmType,
      status: 'triage',
      archived: false,
      createdAt: createdAt.toISOString(),
      lastActivity: createdAt.toISOString(),
      signalingUrls: [],
      relay: false,
      unread: false,
      ownerId: identity.memberId,
      ownerName: identity.name,
      customerWaitingSince: createdAt.toISOString(),
      updatesSent: false,
    }
    try {
      await this.app.update((data) => {
        data.cases.push(summary)
        recordConfirmedTicket(data, roomId, input.ticket)
      })
    } catch (error) {
      // Undo what was written, so a failed create leaves no half case behind; the user sees
      // the first error, and a failure while undoing is logged rather than hiding it.
      await this.app
        .update((data) => {
          data.cases = data.cases.filter((item) => item.roomId !== roomId)
        })
        .catch((undoError: unknown) => console.warn('could not undo a failed create', undoError))
      this.rooms.delete(roomId)
      throw error
    }
    return summary
  }

  /**
   * Joins the case an invite link names. A link for a case already here only adds its
   * servers; one that carries another key for it is refused.
   */
  async join(link: string): Promise<CaseSummary> {
    const parsed = parseInvite(link)
    if (!parsed.ok) throw new AppError('invalid-input', parsed.problem)
    const { invite } = parsed
    const existing = this.index.find(invite.roomId)
    if (existing) {
      // A link for a case already here must carry its key: anyone who learned the room id
      // could otherwise swap in a key of theirs and receive the case from this computer.
      if (
        !this.keys.has(existing.roomId) ||
        (await this.keys.get(existing.roomId)) !== invite.key
      ) {
        throw new AppError(
          'invalid-input',
          `You already have “${existing.title}”, and this link carries a different room key. ` +
            'Ask the case owner for a new invite if the case moved to a new key.',
        )
      }
      await this.app.update(() => {
        existing.signalingUrls = [...new Set([...existing.signalingUrls, ...invite.signalingUrls])]
        existing.archived = false
      })
      return existing
    }
    await this.keys.set(invite.roomId, invite.key)
    // An empty document: the case arrives from the teammates once the room connects.
    this.rooms.create(invite.roomId, Y.encodeStateAsUpdate(new Y.Doc()))
    const at = this.now().toISOString()
    const summary: CaseSummary = {
      roomId: invite.roomId,
      title: invite.title || 'Case joined from an invite',
      ticket: { system: 'other', id: '', url: '' },
      customer: '',
      priority: 'normal',
      swarmType: 'other',
      status: 'triage',
      archived: false,
      createdAt: at,
      lastActivity: at,
      signalingUrls: invite.signalingUrls,
      relay: false,
      unread: false,
      // Filled in from the case document once it arrives from the teammates.
      ownerId: '',
      ownerName: '',
      customerWaitingSince: '',
      updatesSent: false,
    }
    await this.app.update((data) => {
      data.cases.push(summary)
    })
    return summary
  }

  /** Keeps the case list in step with the open room; written soon, not at every keystroke. */
  updateSummary(roomId: string, changes: SummaryChanges): CaseSummary {
    const entry = this.index.require(roomId)
    const changed = Object.entries(changes).some(
      ([name, value]) =>
        JSON.stringify(entry[name as keyof SummaryChanges]) !== JSON.stringify(value),
    )
    this.app.updateSoon(() => Object.assign(entry, changes))
    if (changed) this.emit('cases:changed', { roomId })
    return entry
  }

  async setArchived(roomId: string, archived: boolean): Promise<CaseSummary> {
    const entry = this.index.require(roomId)
    await this.app.update(() => {
      entry.archived = archived
    })
    this.emit('cases:changed', { roomId })
    return entry
  }

  async delete(roomId: string): Promise<void> {
    this.index.require(roomId)
    await this.app.update((data) => {
      data.cases = data.cases.filter((item) => item.roomId !== roomId)
    })
    this.rooms.delete(roomId)
    await this.keys.delete(roomId)
    await this.confirmedTickets.forget(roomId)
    // A window syncing the case in the background leaves its room.
    this.emit('cases:changed', { roomId })
  }
}
