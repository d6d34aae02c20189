/**
 * Shows a section editor through y-prosemirror's snapshot rendering: the text as it was at
 * `snapshot` (or as it is now, kept current while teammates type), every part carrying a
 * `ychange` mark that names its author. While `editing`, the snapshot is taken down and the
 * editor is the live, editable section again.
 */
import type { Editor } from '@tiptap/core'
import { ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap'
import { useEffect } from 'react'
import * as Y from 'yjs'

interface SyncState {
  binding: ProsemirrorBinding
  snapshot: Y.Snapshot | null
  prevSnapshot: Y.Snapshot | null
}

export interface SnapshotView {
  /** The moment to show; null for now. */
  snapshot: Y.Snapshot | null
  editing: boolean
  /** Changes when authors' colours change, so the text is rendered again. */
  colors: string
}

export function useSnapshotRender(
  editor: Editor | null,
  fragment: Y.XmlFragment,
  { snapshot, editing, colors }: SnapshotView,
): void {
  useEffect(() => {
    if (!editor) return
    let frame = 0
    const render = (): void => {
      const state = syncStateOf(editor)
      if (!state?.binding.prosemirrorView || editor.isDestroyed) return
      editor.setEditable(editing, false)
      if (editing) {
        if (state.snapshot !== null || state.prevSnapshot !== null) state.binding.unrenderSnapshot()
        return
      }
      const doc = fragment.doc
      if (!doc) return
      // Against the empty snapshot, every visible character counts as added by its writer.
      state.binding.renderSnapshot(snapshot ?? Y.snapshot(doc), Y.emptySnapshot)
    }
    const onChange = (): void => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(render)
    }
    render()
    // Before the editor is mounted its view does not exist yet; render once it does.
    editor.on('create', render)
    const followNow = snapshot === null && !editing
    if (followNow) fragment.observeDeep(onChange)
    return () => {
      cancelAnimationFrame(frame)
      editor.off('create', render)
      if (followNow) fragment.unobserveDeep(onChange)
    }
  }, [editor, fragment, snapshot, editing, colors])
}

function syncStateOf(editor: Editor): SyncState | undefined {
  const state: SyncState | undefined = ySyncPluginKey.getState(editor.state)
  return state
}
