/**
 * A draft knowledge-base article from a case: the problem (the summary), the resolution (what
 * was found and decided, and what the customer was last told) and the lessons learned. It is a
 * draft: the customer's name and ticket stay out of it, and a person edits it before publishing.
 */
import type * as Y from 'yjs'
import { section } from '../case-doc'
import { ACTION_KIND_NAMES } from '../schema'
import { listActions } from '../timeline'
import { listUpdates } from '../updates'
import { noteToMarkdown, type NoteBlock } from './note-blocks'

export function knowledgeBaseArticle(doc: Y.Doc): string {
  return noteToMarkdown(knowledgeBaseBlocks(doc))
}

/** The article as blocks, for HTML and text too (posting it as a help desk's draft article). */
export function knowledgeBaseBlocks(doc: Y.Doc): NoteBlock[] {
  const resolution = listActions(doc)
    .filter((entry) => entry.kind === 'found' || entry.kind === 'decided')
    .map((entry) => {
      const outcome = entry.outcome === '' ? '' : ` (${entry.outcome})`
      return `${ACTION_KIND_NAMES[entry.kind]}: ${entry.text}${outcome}`
    })
  const lastUpdate = listUpdates(doc).at(-1)
  const blocks: NoteBlock[] = [
    { kind: 'heading', level: 1, text: 'Draft knowledge-base article' },
    {
      kind: 'paragraph',
      text: 'Drafted from a swarm case. Remove customer details and check every step before publishing.',
      emphasis: true,
    },
    { kind: 'heading', level: 2, text: 'Problem' },
    { kind: 'section', fragment: section(doc, 'summary'), empty: 'Describe the problem.' },
    { kind: 'heading', level: 2, text: 'Resolution' },
    resolution.length === 0
      ? { kind: 'paragraph', text: 'Nothing found or decided was logged.', emphasis: true }
      : { kind: 'list', items: resolution },
  ]
  if (lastUpdate && lastUpdate.text.trim() !== '') {
    blocks.push(
      { kind: 'heading', level: 3, text: 'What we told the customer' },
      ...lastUpdate.text
        .split(/\n{2,}/)
        .filter((paragraph) => paragraph.trim() !== '')
        .map((paragraph): NoteBlock => ({ kind: 'paragraph', text: paragraph })),
    )
  }
  blocks.push(
    { kind: 'heading', level: 2, text: 'Lessons learned' },
    { kind: 'section', fragment: section(doc, 'postIncident'), empty: 'No post-incident notes.' },
  )
  return blocks
}
