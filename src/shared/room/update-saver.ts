/**
 * Sends a document's updates to disk (through main) one batch at a time. An update is kept
 * until main confirms it was written: after a failure (a full disk, an unwritable folder) the
 * saver says why, keeps everything, and tries again with growing pauses.
 */
import * as Y from 'yjs'
import type { Result } from '../result'

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string; retryInMs: number }
  /** The case is no longer on this computer (deleted, or moved to a new key): nothing retries. */
  | { kind: 'gone'; message: string }

export interface UpdateSaverOptions {
  /**
   * Pauses before each retry; the last one repeats.
   * @default [1000, 2000, 5000, 10000, 30000]
   */
  retryDelaysMs?: readonly number[]
}

export class UpdateSaver {
  private pending: Uint8Array[] = []
  private sending = false
  private failures = 0
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private current: SaveState = { kind: 'saved' }
  private readonly listeners = new Set<(state: SaveState) => void>()
  private readonly retryDelaysMs: readonly number[]
  private disposed = false

  constructor(
    private readonly append: (update: Uint8Array) => Promise<Result<unknown>>,
    options: UpdateSaverOptions = {},
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 2000, 5000, 10000, 30000]
  }

  get state(): SaveState {
    return this.current
  }

  get hasPending(): boolean {
    return this.pending.length > 0 || this.sending
  }

  push(update: Uint8Array): void {
    this.pending.push(update)
    void this.sendNext()
  }

  onChange(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Resolves once everything pushed so far is on disk (or the case is gone, when nothing can
   * be saved any more); tries a failed save again at once.
   */
  flush(): Promise<void> {
    if (!this.hasPending || this.current.kind === 'gone') return Promise.resolve()
    return new Promise((resolve) => {
      const stop = this.onChange((state) => {
        if (state.kind === 'saved' || state.kind === 'gone') {
          stop()
          resolve()
        }
      })
      this.retryNow()
    })
  }

  retryNow(): void {
    if (this.current.kind === 'gone') return
    clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    void this.sendNext()
  }

  /** Stops retrying. Whatever is still pending stays readable through `unsaved()`. */
  dispose(): void {
    this.disposed = true
    clearTimeout(this.retryTimer)
    this.listeners.clear()
  }

  /** Everything not yet confirmed, merged into one update. */
  unsaved(): Uint8Array | undefined {
    return this.pending.length > 0 ? Y.mergeUpdates(this.pending) : undefined
  }

  private async sendNext(): Promise<void> {
    if (this.sending || this.retryTimer || this.disposed || this.pending.length === 0) return
    if (this.current.kind === 'gone') return
    this.sending = true
    this.setState({ kind: 'saving' })
    let count = this.pending.length
    let result: Result<unknown>
    try {
      let batch: Uint8Array | undefined
      try {
        batch = count === 1 ? this.pending[0] : Y.mergeUpdates(this.pending)
      } catch {
        // An update Yjs cannot merge is still sent, on its own, so the queue keeps moving.
        count = 1
        batch = this.pending[0]
      }
      result = batch ? await this.append(batch) : { ok: true, value: null }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      result = { ok: false, error: { code: 'internal', message } }
    }
    this.sending = false
    if (result.ok) {
      this.pending.splice(0, count)
      this.failures = 0
      if (this.pending.length > 0) void this.sendNext()
      else this.setState({ kind: 'saved' })
      return
    }
    if (result.error.code === 'not-found') {
      this.setState({ kind: 'gone', message: result.error.message })
      return
    }
    const delays = this.retryDelaysMs
    const retryInMs = delays[Math.min(this.failures, delays.length - 1)] ?? 1000
    this.failures += 1
    this.setState({ kind: 'failed', message: result.error.message, retryInMs })
    if (this.disposed) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined
      void this.sendNext()
    }, retryInMs)
  }

  private setState(state: SaveState): void {
    this.current = state
    for (const listener of [...this.listeners]) listener(state)
  }
}
