/**
 * Keeps the relay document small. Every entry stays on the relay until a member replaces
 * entries with one sealed snapshot of the whole case (Y.encodeStateAsUpdate), in one
 * transaction. The relay document has garbage collection on (the relay's own too, by
 * default), so what the deleted entries held is dropped from what it stores.
 *
 * Only entries the snapshot covers are deleted: those whose update the case held when the
 * snapshot was taken (or that were refused). An entry still being opened, one appended by a
 * teammate meanwhile, or one this member cannot open (a teammate's under a key it lacks)
 * stays. Two members compacting at once each leave a snapshot of a full state, both valid,
 * and each deletes only what it covered, so nothing is lost; the next compaction merges them.
 * That is kept rare: the member whose relay client id is lowest (every member sees the same
 * list) compacts after a short random delay; the others only if it is still due several
 * seconds later (that member left, is busy, or cannot open the entries). Whether one is due
 * is read at most every CHECK_EVERY_MS, not on every entry.
 */
import * as Y from 'yjs'
import type { RelayCipher } from './relay-cipher'

/** Compact when this many entries the case already holds are on the relay… */
export const COMPACT_AFTER_ENTRIES = 100
/** …or when entries besides the largest one (usually the last snapshot) add up to this. */
export const COMPACT_AFTER_BYTES = 512 * 1024
const CHECK_EVERY_MS = 250
const FIRST_DELAY_MS = 500
const OTHERS_DELAY_MS = 5000

export class RelayCompaction {
  private timer: ReturnType<typeof setTimeout> | undefined
  private compacting = false
  private stopped = false

  constructor(
    private readonly doc: Y.Doc,
    private readonly relayDoc: Y.Doc,
    private readonly entries: Y.Array<unknown>,
    private readonly cipher: RelayCipher,
    private readonly covered: WeakSet<object>,
    /** Marks the snapshot as this member's own, and the transaction's origin. */
    private readonly own: { markOwn(entry: Uint8Array): void },
    /** Whether this member is the one to compact first. */
    private readonly first: () => boolean,
  ) {}

  /** Called after entries were appended or applied: soon checks whether a compaction is due. */
  consider(): void {
    if (this.stopped || this.timer || this.compacting) return
    this.wait(CHECK_EVERY_MS, () => {
      if (!this.due()) return
      const delay = this.first() ? 0 : OTHERS_DELAY_MS
      this.wait(delay + Math.random() * FIRST_DELAY_MS, () => void this.compact())
    })
  }

  private wait(ms: number, then: () => void): void {
    this.timer = setTimeout(() => {
      this.timer = undefined
      if (!this.stopped) then()
    }, ms)
    ;(this.timer as { unref?: () => void }).unref?.()
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
  }

  private due(): boolean {
    let count = 0
    let bytes = 0
    let largest = 0
    for (const entry of this.entries.toArray()) {
      if (!(entry instanceof Uint8Array) || !this.covered.has(entry)) continue
      count += 1
      bytes += entry.byteLength
      largest = Math.max(largest, entry.byteLength)
    }
    if (count < 2) return false
    return count > COMPACT_AFTER_ENTRIES || bytes - largest > COMPACT_AFTER_BYTES
  }

  private async compact(): Promise<void> {
    if (this.stopped || !this.due()) return
    this.compacting = true
    try {
      // Taken together, at one moment: what the snapshot holds, and the entries it covers.
      const covers = new Set(
        this.entries.toArray().filter((entry) => this.covered.has(entry as object)),
      )
      const snapshot = await this.cipher.seal(Y.encodeStateAsUpdate(this.doc), 'entry')
      if (this.stopped) return
      this.own.markOwn(snapshot)
      this.relayDoc.transact(() => {
        const present = this.entries.toArray()
        // From the end, runs at a time, so earlier indexes stay right.
        let index = present.length - 1
        while (index >= 0) {
          if (!covers.has(present[index])) {
            index -= 1
            continue
          }
          let start = index
          while (start > 0 && covers.has(present[start - 1])) start -= 1
          this.entries.delete(start, index - start + 1)
          index = start - 1
        }
        this.entries.insert(0, [snapshot])
      }, this.own)
    } finally {
      this.compacting = false
    }
    this.consider()
  }
}
