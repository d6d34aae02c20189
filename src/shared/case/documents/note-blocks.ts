/**
 * Notes built from a case (the internal ticket note, the handoff note, the knowledge-base
 * draft) are a list of simple blocks, written out once each as Markdown, HTML and plain text.
 */
import type * as Y from 'yjs'
import { sectionState } from '../section-state'
import { escapeHtml, fragmentToHtml } from '../fragments/fragment-html'
import { escapeMarkdown, fragmentToMarkdown, textToMarkdown } from '../fragments/fragment-markdown'
import { fragmentToText } from '../fragments/fragment-text'

export type NoteBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: boolean }
  | { kind: 'fields'; fields: readonly (readonly [string, string])[] }
  | { kind: 'list'; items: readonly string[] }
  /** A case section; `empty` is said instead when nobody has written in it. */
  | { kind: 'section'; fragment: Y.XmlFragment; empty: string }

export interface RenderedNote {
  html: string
  text: string
  markdown: string
}

export function renderNote(blocks: readonly NoteBlock[]): RenderedNote {
  return { html: noteToHtml(blocks), text: noteToText(blocks), markdown: noteToMarkdown(blocks) }
}

export function noteToMarkdown(blocks: readonly NoteBlock[]): string {
  return blocks.map(blockMarkdown).filter(Boolean).join('\n\n') + '\n'
}

export function noteToHtml(blocks: readonly NoteBlock[]): string {
  return blocks.map(blockHtml).join('')
}

export function noteToText(blocks: readonly NoteBlock[]): string {
  return blocks.map(blockText).filter(Boolean).join('\n\n') + '\n'
}

/** `2026-11-20 10:05 UTC`: one unambiguous clock for readers in any time zone. */
export function formatTime(iso: string): string {
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return iso
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

function present(block: Extract<NoteBlock, { kind: 'section' }>): boolean {
  return sectionState(block.fragment) === 'present'
}

function blockMarkdown(block: NoteBlock): string {
  switch (block.kind) {
    case 'heading':
      // One line: a newline in a title (any member can write one) must not start a new block.
      return `${'#'.repeat(block.level)} ${escapeMarkdown(oneLine(block.text))}`
    case 'paragraph':
      return block.emphasis ? `_${textToMarkdown(block.text)}_` : textToMarkdown(block.text)
    case 'fields':
      return block.fields
        .map(
          ([label, value]) => `- **${escapeMarkdown(label)}:** ${escapeMarkdown(oneLine(value))}`,
        )
        .join('\n')
    case 'list':
      return block.items
        .map((item) => `- ${textToMarkdown(item).replace(/\n/g, '\n  ')}`)
        .join('\n')
    case 'section':
      return present(block)
        ? fragmentToMarkdown(block.fragment)
        : `_${escapeMarkdown(block.empty)}_`
  }
}

function blockHtml(block: NoteBlock): string {
  const lines = (text: string): string => escapeHtml(text).replace(/\n/g, '<br>')
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`
    case 'paragraph':
      return block.emphasis ? `<p><em>${lines(block.text)}</em></p>` : `<p>${lines(block.text)}</p>`
    case 'fields': {
      const items = block.fields.map(
        ([label, value]) =>
          `<li><strong>${escapeHtml(label)}:</strong> ${escapeHtml(oneLine(value))}</li>`,
      )
      return `<ul>${items.join('')}</ul>`
    }
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${lines(item)}</li>`).join('')}</ul>`
    case 'section':
      return present(block)
        ? fragmentToHtml(block.fragment)
        : `<p><em>${escapeHtml(block.empty)}</em></p>`
  }
}

function blockText(block: NoteBlock): string {
  switch (block.kind) {
    case 'heading': {
      const text = oneLine(block.text)
      return block.level === 3
        ? text
        : `${text}\n${(block.level === 1 ? '=' : '-').repeat(text.length)}`
    }
    case 'paragraph':
      return block.text
    case 'fields':
      return block.fields.map(([label, value]) => `${label}: ${oneLine(value)}`).join('\n')
    case 'list':
      return block.items.map((item) => `- ${item.replace(/\n/g, '\n  ')}`).join('\n')
    case 'section':
      return present(block) ? fragmentToText(block.fragment) : block.empty
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}
