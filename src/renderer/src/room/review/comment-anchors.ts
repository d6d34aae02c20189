/**
 * Between a ProseMirror range in a section shown as it is now and a review comment's anchors
 * (Y.RelativePosition JSON, which follow the text as teammates edit it). The conversion goes
 * through y-prosemirror's own position functions, with a mapping built from the fragment as it
 * is now: while a snapshot is rendered, the editor's own mapping is empty.
 */
import type { Schema } from '@tiptap/pm/model'
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
} from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { anchorsInText } from '@shared/case/review'
import { textOf } from '@shared/case/rich-text'
import type { ReviewComment } from '@shared/case/schema'

export interface CommentAnchor {
  start: Record<string, unknown>
  end: Record<string, unknown>
  quote: string
}

export interface TextRange {
  from: number
  to: number
}

/** Anchors for the text from `from` to `to`, which must lie in one paragraph. */
export function anchorFromRange(
  fragment: Y.XmlFragment,
  schema: Schema,
  range: TextRange,
): CommentAnchor {
  const doc = fragment.doc
  if (!doc) throw new Error('This section is not part of an open case.')
  const { mapping } = initProseMirrorDoc(fragment, schema)
  const toAbsolute = (position: number): Y.AbsolutePosition | null =>
    Y.createAbsolutePositionFromRelativePosition(
      absolutePositionToRelativePosition(position, fragment, mapping) as Y.RelativePosition,
      doc,
    )
  const start = toAbsolute(Math.min(range.from, range.to))
  const end = toAbsolute(Math.max(range.from, range.to))
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) {
    throw new Error('Select text within one paragraph to comment on it.')
  }
  if (end.index <= start.index) throw new Error('Select the words you want to comment on.')
  return {
    ...anchorsInText(start.type, start.index, end.index),
    quote: textOf(start.type).slice(start.index, end.index),
  }
}

/** Where the comment's text is in the section now, or null when it was deleted. */
export function rangeOfComment(
  fragment: Y.XmlFragment,
  schema: Schema,
  comment: ReviewComment,
): TextRange | null {
  return rangesOfComments(fragment, schema, [comment]).get(comment.id) ?? null
}

/** Where each comment's text is in the section now; comments whose text is gone are left out. */
export function rangesOfComments(
  fragment: Y.XmlFragment,
  schema: Schema,
  comments: readonly ReviewComment[],
): Map<string, TextRange> {
  const ranges = new Map<string, TextRange>()
  const doc = fragment.doc
  if (!doc || comments.length === 0) return ranges
  const { mapping } = initProseMirrorDoc(fragment, schema)
  const toAbsolute = (json: Record<string, unknown>): number | null => {
    try {
      const relative = Y.createRelativePositionFromJSON(json)
      return relativePositionToAbsolutePosition(doc, fragment, relative, mapping)
    } catch {
      return null
    }
  }
  for (const comment of comments) {
    const from = toAbsolute(comment.start)
    const to = toAbsolute(comment.end)
    if (from !== null && to !== null && to > from) ranges.set(comment.id, { from, to })
  }
  return ranges
}
