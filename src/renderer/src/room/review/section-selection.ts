/**
 * The page's text selection, read and set through the section editors' views. Review mode
 * shows sections read-only, where ProseMirror does not track a selection of its own, so the
 * browser's selection is the one the reviewer made.
 */
import type { Editor } from '@tiptap/core'
import type { SectionName } from '@shared/case/schema'
import type { TextRange } from './comment-anchors'

export interface SectionSelection {
  section: SectionName
  range: TextRange
  text: string
}

/** The selected text when it lies within one section, or null. */
export function selectionInSections(
  editors: ReadonlyMap<SectionName, Editor>,
): SectionSelection | null {
  const selection = document.getSelection()
  const { anchorNode, focusNode } = selection ?? {}
  if (!selection || selection.isCollapsed || !anchorNode || !focusNode) return null
  for (const [section, editor] of editors) {
    if (editor.isDestroyed || !editor.isInitialized) continue
    const view = editor.view
    if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) continue
    const anchor = view.posAtDOM(anchorNode, selection.anchorOffset)
    const focus = view.posAtDOM(focusNode, selection.focusOffset)
    const range = { from: Math.min(anchor, focus), to: Math.max(anchor, focus) }
    const text = view.state.doc.textBetween(range.from, range.to, ' ')
    return text.trim() === '' ? null : { section, range, text }
  }
  return null
}

/** Selects the range in the editor and brings it into view. */
export function selectInEditor(editor: Editor, range: TextRange): void {
  const view = editor.view
  const start = view.domAtPos(range.from)
  const end = view.domAtPos(range.to)
  document.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset)
  const element = start.node instanceof Element ? start.node : start.node.parentElement
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' })
}
