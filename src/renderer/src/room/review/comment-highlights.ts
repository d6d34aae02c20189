/**
 * Review comments' words highlighted in their section: a ProseMirror decoration per open
 * comment, over the range its anchors point to now. The ranges are asked for again whenever the
 * shown text changes (the snapshot rendering replaces it) and when review mode says comments
 * changed; each highlight carries its comment's id, so clicking it finds the comment.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

export interface CommentHighlight {
  id: string
  from: number
  to: number
  /** The comment chosen in the list (or by clicking its words). */
  active: boolean
}

export interface CommentHighlightsOptions {
  /** The open comments' ranges in the section as it is shown; [] while an earlier moment is. */
  rangesFor: (schema: Schema) => CommentHighlight[]
}

export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights')

export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',
  addOptions() {
    return { rangesFor: () => [] }
  },
  addProseMirrorPlugins() {
    const build = (doc: ProseMirrorNode, schema: Schema): DecorationSet =>
      highlightsOf(doc, this.options.rangesFor(schema))
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => build(state.doc, state.schema),
          apply: (transaction, old, _, state) =>
            transaction.docChanged || transaction.getMeta(commentHighlightsKey) === true
              ? build(state.doc, state.schema)
              : old,
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
        },
      }),
    ]
  },
})

function highlightsOf(doc: ProseMirrorNode, ranges: readonly CommentHighlight[]): DecorationSet {
  const size = doc.content.size
  const decorations = ranges
    .filter((range) => range.from >= 0 && range.to <= size && range.from < range.to)
    .map((range) =>
      Decoration.inline(range.from, range.to, {
        class: `comment-highlight${range.active ? ' comment-highlight--active' : ''}`,
        'data-comment-id': range.id,
      }),
    )
  return DecorationSet.create(doc, decorations)
}
