/**
 * The document an open case lives in. Yjs calls a document's listeners (`beforeAllTransactions`,
 * `update`, `afterAllTransactions`, …) while it opens and closes a transaction, outside the part
 * it cleans up after an error. One listener that throws there (an editor bound to a section
 * holding values it cannot read) leaves the document inside a transaction that never ends: the
 * editors still show what is typed, but no update is emitted again, so nothing reaches the disk
 * or the teammates. Here every listener runs on its own and its error is only reported.
 */
import * as Y from 'yjs'

export type ListenerErrorReport = (event: string, error: unknown) => void

export class LiveCaseDoc extends Y.Doc {
  constructor(private readonly onListenerError: ListenerErrorReport = logListenerError) {
    // History stays (docs/case-schema.md, snapshots).
    super({ gc: false })
  }

  override emit(name: string, args: unknown[]): void {
    // Copied first, as lib0 does: a listener added meanwhile waits for the next event.
    const listeners = [...(this._observers.get(name) ?? [])] as ((...all: unknown[]) => void)[]
    for (const listener of listeners) {
      try {
        listener(...args)
      } catch (error) {
        this.onListenerError(name, error)
      }
    }
  }
}

function logListenerError(event: string, error: unknown): void {
  console.error(`A part of the case failed while it was being changed (${event}):`, error)
}
