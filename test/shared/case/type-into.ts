/**
 * Types into a section the way the editor does: TipTap's Collaboration extension (y-prosemirror)
 * turns the fragment into a ProseMirror document, the keystrokes change that document, and the
 * binding writes the result back into the fragment.
 */
import { getSchema } from '@tiptap/core'
import { Fragment, Slice } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

const schema = getSchema([StarterKit])

/** Types `text` at the start of the section, as a member whose caret is in the empty editor. */
export function typeInto(fragment: Y.XmlFragment, text: string): void {
  const doc = fragment.doc
  if (!doc) throw new Error('The fragment is not in a document.')
  const { doc: shown, meta } = initProseMirrorDoc(fragment, schema)
  // An empty section shows one empty paragraph, as ProseMirror fills a document that must
  // hold a block; the caret is in it.
  const start = shown.childCount === 0 ? (schema.topNodeType.createAndFill() ?? shown) : shown
  const typed = start.replace(1, 1, new Slice(Fragment.from(schema.text(text)), 0, 0))
  doc.transact(() => updateYFragment(doc, fragment, typed, meta))
}
