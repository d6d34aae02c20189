/**
 * Opens a case: loads its saved state from main into a fresh Y.Doc and forwards every later
 * update back to main's room log. Updates that came from disk are tagged with an origin and
 * not written back.
 */
import { useEffect, useState } from 'react'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { registerAuthor } from '@shared/case/authorship'
import { joinCase } from '@shared/case/members'
import type { Identity, Notice } from '@shared/ipc'
import { UpdateSaver } from '@shared/room/update-saver'
import { swarmroom } from '../../api'

export const STORAGE_ORIGIN = Symbol('loaded from disk')

export type CaseDocState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; doc: Y.Doc; awareness: Awareness; saver: UpdateSaver; notices: Notice[] }

export function useCaseDoc(roomId: string, identity: Identity): CaseDocState {
  const [state, setState] = useState<CaseDocState>({ status: 'loading' })

  useEffect(() => {
    let cancelled = false
    // History stays in the document for review mode (docs/case-schema.md, snapshots).
    const doc = new Y.Doc({ gc: false })
    // Presence lives as long as the open case; connections to the room come and go under it.
    const awareness = new Awareness(doc)
    const saver = new UpdateSaver((update) => swarmroom.room.append({ roomId, update }))
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin !== STORAGE_ORIGIN) saver.push(update)
    }
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!saver.hasPending) return
      // Hold the window open until the last keystrokes are on disk, then close it ourselves.
      event.preventDefault()
      void saver.flush().then(() => window.close())
    }

    void Promise.all([swarmroom.room.load({ roomId }), swarmroom.identity.publicKey()]).then(
      ([result, key]) => {
        if (cancelled) return
        if (!result.ok) {
          setState({ status: 'failed', message: result.error.message })
          return
        }
        Y.applyUpdate(doc, result.value.state, STORAGE_ORIGIN)
        doc.on('update', onUpdate)
        window.addEventListener('beforeunload', onBeforeUnload)
        // Without a key (no keychain) the member still joins; their decisions show unverified.
        const publicKey = key.ok ? key.value.publicKey : undefined
        joinCase(doc, { ...identity, ...(publicKey ? { publicKey } : {}) }, 'contributor')
        registerAuthor(doc, identity.memberId)
        setState({ status: 'ready', doc, awareness, saver, notices: result.value.notices })
      },
    )
    // Main's own changes (an export's result) are already in the log: applied, not saved again.
    const stopMainUpdates = swarmroom.events.on('room:update', (event) => {
      if (event.roomId === roomId && !cancelled) Y.applyUpdate(doc, event.update, STORAGE_ORIGIN)
    })

    return () => {
      cancelled = true
      stopMainUpdates()
      awareness.destroy()
      doc.off('update', onUpdate)
      window.removeEventListener('beforeunload', onBeforeUnload)
      void saver.flush().then(() => {
        saver.dispose()
        return swarmroom.room.close({ roomId })
      })
      doc.destroy()
    }
  }, [roomId, identity])

  return state
}
