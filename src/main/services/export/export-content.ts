/**
 * What an export posts, built from the case as its log holds it: the internal note (the whole
 * case) and the public reply (the customer update), each as HTML, plain text and Markdown, and
 * the exact body each help desk receives.
 */
import { createHash } from 'node:crypto'
import type * as Y from 'yjs'
import { approvalStatus, type ApprovalStatus } from '@shared/case/approval'
import { readMeta } from '@shared/case/case-doc'
import { sectionState } from '@shared/case/section-state'
import { caseNote } from '@shared/case/documents/case-note'
import { customerReply } from '@shared/case/fragments/customer-reply'
import { fragmentToMarkdown } from '@shared/case/fragments/fragment-markdown'
import type { RenderedNote } from '@shared/case/documents/note-blocks'
import { escapeHtml } from '@shared/case/fragments/fragment-html'

export type PostedFormat = 'html' | 'text'

export interface ExportContent {
  note: RenderedNote
  reply: RenderedNote
  /** False while nobody has written in the customer update. */
  replyWritten: boolean
  approval: ApprovalStatus
}

export function exportContent(doc: Y.Doc): ExportContent {
  const fragment = doc.getXmlFragment('customerUpdate')
  return {
    note: caseNote(doc),
    reply: { ...customerReply(doc), markdown: fragmentToMarkdown(fragment) },
    replyWritten: sectionState(fragment) === 'present',
    approval: approvalStatus(doc),
  }
}

/** The body a help desk receives for a part, in the format that help desk takes. */
export function postedBody(format: PostedFormat, part: { html: string; text: string }): string {
  return format === 'html' ? part.html : part.text
}

/** Names the exact bodies an export would post, so a send can check it is what was previewed. */
export function contentHash(format: PostedFormat, content: ExportContent): string {
  const bodies = [format, postedBody(format, content.note), postedBody(format, content.reply)]
  return createHash('sha256').update(JSON.stringify(bodies)).digest('hex')
}

/** A file to save without a connection: Markdown, or a complete HTML page. */
export function fileContent(
  doc: Y.Doc,
  part: 'note' | 'reply',
  format: 'markdown' | 'html',
): { suggestedName: string; content: string } {
  const content = exportContent(doc)
  const rendered = part === 'note' ? content.note : content.reply
  const title = readMeta(doc).title
  const what = part === 'note' ? 'internal note' : 'customer reply'
  const base = `${fileSafe(title)} - ${what}`
  if (format === 'markdown') return { suggestedName: `${base}.md`, content: rendered.markdown }
  const page =
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${escapeHtml(`${title}: ${what}`)}</title>\n</head>\n<body>\n${rendered.html}\n</body>\n</html>\n`
  return { suggestedName: `${base}.html`, content: page }
}

/** A case title as a file name on every system: no path or reserved characters, not too long. */
function fileSafe(title: string): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .replace(/[. ]+$/, '')
  return cleaned === '' ? 'Swarmroom case' : cleaned
}
