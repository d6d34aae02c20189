/**
 * A timeline entry's text with the members picked in it, to and from the content of the
 * entry field's editor: the text holds each mention as `@name`, and `mentions` says who.
 */
import type { JSONContent } from '@tiptap/core'
import { findMentionsAt } from '@shared/case/mentions'
import type { ActionEntry } from '@shared/case/schema'

export type EntryMention = NonNullable<ActionEntry['mentions']>[number]

export interface EntryText {
  text: string
  mentions: EntryMention[]
}

export type EntryPiece = { kind: 'text'; text: string } | { kind: 'mention'; mention: EntryMention }

/** The text cut into plain runs and the picked mentions in it, in order. */
export function entryPieces(text: string, mentions: readonly EntryMention[]): EntryPiece[] {
  const pieces: EntryPiece[] = []
  let from = 0
  for (const found of findMentionsAt(text, mentions)) {
    const mention = mentions.find((candidate) => candidate.memberId === found.memberId)
    if (!mention || found.at < from) continue
    if (found.at > from) pieces.push({ kind: 'text', text: text.slice(from, found.at) })
    pieces.push({ kind: 'mention', mention })
    from = found.at + 1 + mention.name.length
  }
  if (from < text.length) pieces.push({ kind: 'text', text: text.slice(from) })
  return pieces
}

/** The editor's document for an entry's text: one paragraph per line. */
export function entryToContent(entry: EntryText): JSONContent {
  return {
    type: 'doc',
    content: entry.text.split('\n').map((line) => ({
      type: 'paragraph',
      content: entryPieces(line, entry.mentions).map((piece) =>
        piece.kind === 'text'
          ? { type: 'text', text: piece.text }
          : { type: 'mention', attrs: { id: piece.mention.memberId, label: piece.mention.name } },
      ),
    })),
  }
}

/** The entry's text and mentions from the editor's document. */
export function contentToEntry(content: JSONContent): EntryText {
  const mentions: EntryMention[] = []
  const lines = (content.content ?? []).map((block) =>
    (block.content ?? [])
      .map((node) => {
        if (node.type === 'text') return node.text ?? ''
        if (node.type === 'hardBreak') return '\n'
        const memberId: unknown = node.attrs?.['id']
        const name: unknown = node.attrs?.['label']
        if (node.type !== 'mention' || typeof memberId !== 'string' || typeof name !== 'string') {
          return ''
        }
        if (!mentions.some((known) => known.memberId === memberId)) {
          mentions.push({ memberId, name })
        }
        return `@${name}`
      })
      .join(''),
  )
  return { text: lines.join('\n'), mentions }
}
