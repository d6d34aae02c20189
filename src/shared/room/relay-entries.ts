/**
 * The case as the team relay holds it: not the case document but a relay document of its own
 * whose one array, `entries`, holds the case's Yjs updates sealed with the room key
 * (relay-cipher.ts). The relay stores and merges that document like any other, so it stays
 * stock Hocuspocus, and reads nothing but opaque bytes.
 *
 * - Each local change to the case (typed here, or arrived over WebRTC) is sealed and appended;
 *   changes made while a seal is under way are merged into the next entry.
 * - Each entry appended by a teammate is opened, checked like any peer's update, and applied
 *   to the case with this relay's origin, so it is not sent back. One that does not open or
 *   does not pass is left out and reported, and never reaches the case.
 * - Once the relay document has synced after joining, whatever the case holds that the
 *   entries lack (written before the relay was turned on, or while it was off) is appended.
 * - Compaction (relay-compaction.ts) keeps the document small.
 */
import * as Y from 'yjs'
import { PROBLEMS, reportPeerMessageProblem } from './message-problems'
import { RelayCompaction } from './relay-compaction'
import type { RelayCipher } from './relay-cipher'
import { checkUpdate } from './update-check'

export const ENTRIES = 'entries'
const DIFF_ABOVE_BYTES = 4096

export class RelayEntries {
  private readonly entries: Y.Array<unknown>
  /** Entries whose update the case holds, or that were found unusable: compaction may drop them. */
  private readonly covered = new WeakSet<object>()
  /** Entries whose update passed the checks and is in the case (or came from it). */
  private readonly applied = new WeakSet<object>()
  /** Local updates waiting for the seal under way. */
  private outbox: Uint8Array[] = []
  private sealing = false
  /** Entries are applied in the order they arrived, each once it is opened. */
  private applying: Promise<void> = Promise.resolve()
  private caughtUp = false
  private stopped = false
  private readonly compaction: RelayCompaction

  constructor(
    private readonly doc: Y.Doc,
    private readonly relayDoc: Y.Doc,
    private readonly cipher: RelayCipher,
    /** Whether this member compacts first (relay-compaction.ts). */
    compactsFirst: () => boolean,
  ) {
    this.entries = relayDoc.getArray(ENTRIES)
    this.compaction = new RelayCompaction(
      doc,
      relayDoc,
      this.entries,
      cipher,
      this.covered,
      this,
      compactsFirst,
    )
    doc.on('update', this.onCaseUpdate)
    this.entries.observe(this.onEntries)
    this.read(this.entries.toArray())
  }

  /** After the relay document's first sync: append what the case holds and the relay lacks. */
  catchUp(): void {
    if (this.caughtUp) return
    this.caughtUp = true
    const present = this.entries.toArray()
    void this.applying.then(async () => {
      const shadow = new Y.Doc({ gc: false })
      try {
        for (const entry of present) {
          if (!(entry instanceof Uint8Array) || !this.applied.has(entry)) continue
          const update = await this.cipher.open(entry, 'entry')
          if (update) Y.applyUpdate(shadow, update)
        }
        let missing: Uint8Array | undefined
        shadow.on('update', (update: Uint8Array) => (missing = update))
        Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(shadow)))
        if (missing && !this.stopped) this.send(missing)
      } finally {
        shadow.destroy()
      }
    })
  }

  /** An entry sealed here from the case: the case holds it. */
  markOwn(entry: Uint8Array): void {
    this.covered.add(entry)
    this.applied.add(entry)
  }

  stop(): void {
    this.stopped = true
    this.doc.off('update', this.onCaseUpdate)
    this.entries.unobserve(this.onEntries)
    this.compaction.stop()
  }

  private readonly onCaseUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return
    this.send(update)
  }

  private send(update: Uint8Array): void {
    this.outbox.push(update)
    if (this.sealing) return
    this.sealing = true
    void this.sealOutbox().finally(() => (this.sealing = false))
  }

  private async sealOutbox(): Promise<void> {
    while (this.outbox.length > 0 && !this.stopped) {
      const batch = this.outbox
      this.outbox = []
      const update = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch)
      const sealed = await this.cipher.seal(update, 'entry')
      if (this.stopped) return
      this.markOwn(sealed)
      this.relayDoc.transact(() => this.entries.push([sealed]), this)
      this.compaction.consider()
    }
  }

  private readonly onEntries = (event: Y.YArrayEvent<unknown>): void => {
    if (event.transaction.origin === this) return
    const added: unknown[] = []
    for (const change of event.changes.delta) if (change.insert) added.push(...change.insert)
    this.read(added)
  }

  /** Opens the entries at once, applies them in order, and reports the first problem found. */
  private read(added: readonly unknown[]): void {
    if (added.length === 0) return
    const opened = added.map((entry) =>
      entry instanceof Uint8Array ? this.cipher.open(entry, 'entry') : Promise.resolve(undefined),
    )
    this.applying = this.applying.then(async () => {
      let problem: string | undefined
      for (const [index, entry] of added.entries()) {
        const update = await opened[index]
        if (this.stopped) return
        // An entry that does not open may be a teammate's under a key this member lacks (a
        // wrong invite link): it stays on the relay. One that opens but is refused can go.
        const found = update ? this.apply(update) : PROBLEMS.relaySealed
        if (update && entry instanceof Uint8Array) this.covered.add(entry)
        if (!found && entry instanceof Uint8Array) this.applied.add(entry)
        if (found) problem ??= found
      }
      if (problem) reportPeerMessageProblem(problem, this.doc)
      this.compaction.consider()
    })
  }

  /**
   * Applies what an entry adds to the case. Of a large one only that part is checked: a
   * snapshot from compaction holds the whole case, and checking all of it again on every
   * member is wasted. A small one (a keystroke's) is checked whole, which is quicker than
   * working out what it adds.
   */
  private apply(update: Uint8Array): string | undefined {
    let news = update
    try {
      if (update.byteLength > DIFF_ABOVE_BYTES) {
        news = Y.diffUpdate(update, Y.encodeStateVector(this.doc))
      }
    } catch {
      return PROBLEMS.relay
    }
    const verdict = checkUpdate(news)
    if (verdict !== 'ok') return PROBLEMS.relay
    try {
      Y.applyUpdate(this.doc, news, this)
    } catch (error) {
      console.warn('ignored an update from the relay that could not be applied', error)
      return PROBLEMS.relay
    }
    return undefined
  }
}
