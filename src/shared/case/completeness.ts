/**
 * Is the case ready to hand off or escalate? Each check names what is missing ("missing") or
 * written but not yet enough ("incomplete").
 *
 * The issue summary must be one clear sentence:
 * - it is not empty;
 * - every block of it ends a sentence: `.`, `!` or `?`, optionally followed by a closing quote
 *   or bracket;
 * - it holds at most two sentences. A sentence ends at `.`, `!` or `?` followed by a space or
 *   the end of a block, except for the full stop of a common abbreviation such as "e.g.".
 */
import type * as Y from 'yjs'
import { section } from './case-doc'
import { sectionState, sectionText } from './section-state'
import { SECTION_TITLES, isPersonActionKind, type SectionName } from './schema'
import { listActions } from './timeline'

export interface CheckItem {
  key: string
  label: string
  ok: boolean
  /** Why the item is not ok, as a sentence; absent when it is. */
  problem?: string
  /**
   * What kind of gap it is, for a checklist to mark: a part nobody wrote (`missing`), or one
   * written but not yet enough (`incomplete`, e.g. a summary that is not one sentence).
   * Absent when the item is ok.
   */
  gap?: Gap
}

export type Gap = 'missing' | 'incomplete'

export interface CompletenessCheck {
  complete: boolean
  items: CheckItem[]
}

const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s|$)/g
const ENDS_SENTENCE = /[.!?]+["'”’)\]]*$/
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|approx|incl|no|mr|mrs|ms|dr|inc|ltd)$/i
const MAX_SUMMARY_SENTENCES = 2

/** Summary, customer impact, actions taken, relevant history, and the expertise needed. */
export function checkHandoff(doc: Y.Doc): CompletenessCheck {
  const entries = listActions(doc)
  return result([
    summaryItem(doc),
    sectionItem(doc, 'impact', 'impact'),
    item(
      'actions',
      'Actions taken',
      entries.some((entry) => isPersonActionKind(entry.kind)),
      'No actions taken are in the timeline yet.',
      'missing',
    ),
    sectionItem(doc, 'history', 'history'),
    sectionItem(doc, 'expertise', 'expertise', 'Needed expertise, and why'),
  ])
}

/**
 * Customer impact, what was tried (a `tried` entry), the current status (a `found` or
 * `decided` entry, or a written summary), and the specific help needed (Needed expertise).
 */
export function checkEscalation(doc: Y.Doc): CompletenessCheck {
  const entries = listActions(doc)
  const hasStatus =
    entries.some((entry) => entry.kind === 'found' || entry.kind === 'decided') ||
    sectionState(section(doc, 'summary')) === 'present'
  return result([
    sectionItem(doc, 'impact', 'impact'),
    item(
      'tried',
      'What was tried',
      entries.some((entry) => entry.kind === 'tried'),
      'Nothing in the timeline says what was tried: add a "Tried" entry.',
      'missing',
    ),
    item(
      'status',
      'Current status',
      hasStatus,
      'Nothing says where the case stands: add what was found or decided, or a summary.',
      'missing',
    ),
    sectionItem(doc, 'help', 'expertise', 'Specific help needed'),
  ])
}

/** The problems of the items that are not ok, in order. */
export function gapsOf(check: CompletenessCheck): string[] {
  return check.items.flatMap((entry) => (entry.ok || !entry.problem ? [] : [entry.problem]))
}

/** How many sentences the text holds, by the rule at the top of this file. */
export function countSentences(text: string): number {
  let count = 0
  for (const line of text.split('\n').map((part) => part.trim())) {
    if (line === '') continue
    let lastEnd = 0
    for (const match of line.matchAll(SENTENCE_END)) {
      const before = line.slice(0, match.index)
      const end = match.index + match[0].length
      if (match[0] === '.' && end < line.length && ABBREVIATION.test(before)) continue
      count += 1
      lastEnd = end
    }
    if (line.slice(lastEnd).trim() !== '') count += 1
  }
  return count
}

function summaryItem(doc: Y.Doc): CheckItem {
  const written = sectionItem(doc, 'summary', 'summary', 'Case summary, in one sentence')
  if (!written.ok) return written
  const text = sectionText(section(doc, 'summary'))
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  if (!lines.every((line) => ENDS_SENTENCE.test(line.trim()))) {
    return {
      ...written,
      ok: false,
      problem: 'Case summary does not end a sentence.',
      gap: 'incomplete',
    }
  }
  const sentences = countSentences(text)
  if (sentences > MAX_SUMMARY_SENTENCES) {
    const problem = `Case summary runs to ${sentences} sentences: say it in one.`
    return { ...written, ok: false, problem, gap: 'incomplete' }
  }
  return written
}

/** `label` names the item in a checklist; problems name the section by its title. */
function sectionItem(doc: Y.Doc, key: string, name: SectionName, label?: string): CheckItem {
  const title = SECTION_TITLES[name]
  const written = sectionState(section(doc, name)) === 'present'
  return item(key, label ?? title, written, `${title} is missing.`, 'missing')
}

function result(items: CheckItem[]): CompletenessCheck {
  return { complete: items.every((item) => item.ok), items }
}

/** An item that carries its problem and kind of gap only when it is not ok. */
function item(key: string, label: string, ok: boolean, problem: string, gap: Gap): CheckItem {
  return ok ? { key, label, ok } : { key, label, ok, problem, gap }
}
