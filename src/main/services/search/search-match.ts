/**
 * Matching a query against one case's text. Matching ignores case and accents ("resume" finds
 * "Résumé"); every word of the query must occur somewhere in the case, and each place that
 * holds one of them becomes a hit with a snippet of the words around it.
 */
import type { SearchHit } from '@shared/channels/search'

/** One searchable piece of a case: its title, a section, a timeline entry. */
export interface SearchField {
  /** Where it is, as `app:openCase` takes it; absent for the header (title, ticket, customer). */
  place?: string
  label: string
  text: string
  /** How much a hit here counts: a word in the title says more than one in a long section. */
  weight: number
  /** `text` folded for matching (`foldForMatching`), kept so a query does not fold it again. */
  folded?: string
}

export interface CaseMatch {
  score: number
  /** The fields that hold a query word, best first, at most the hits asked for. */
  fields: SearchField[]
}

const MAX_WORDS = 8
const BEFORE = 40
const AFTER = 90

/** The query's distinct words, folded for matching; empty when there is nothing to look for. */
export function queryWords(query: string): string[] {
  const words = foldForMatching(query).split(/\s+/u)
  return [...new Set(words.filter((word) => word !== ''))].slice(0, MAX_WORDS)
}

/**
 * How well the case matches, or null when some word is nowhere in it. Only folded text is
 * compared here; snippets (`hitsOf`) are made later, for the cases that are shown.
 */
export function matchCase(
  fields: readonly SearchField[],
  words: readonly string[],
  maxHits: number,
): CaseMatch | null {
  if (words.length === 0) return null
  const missing = new Set(words)
  const scored: { field: SearchField; score: number }[] = []
  for (const field of fields) {
    const text = field.folded ?? foldForMatching(field.text)
    const present = words.filter((word) => text.includes(word))
    if (present.length === 0) continue
    for (const word of present) missing.delete(word)
    scored.push({ field, score: field.weight * present.length })
  }
  if (missing.size > 0) return null
  scored.sort((a, b) => b.score - a.score)
  return {
    score: scored.reduce((total, item) => total + item.score, 0),
    fields: scored.slice(0, maxHits).map((item) => item.field),
  }
}

/** A hit for each matched field: the words around the first query word, each word marked. */
export function hitsOf(match: CaseMatch, words: readonly string[]): SearchHit[] {
  return match.fields.map((field) => {
    const folded = fold(field.text)
    const offsets = words.map((word) => folded.text.indexOf(word)).filter((at) => at >= 0)
    const first = Math.min(...offsets)
    return snippet(field, originOf(folded, first) ?? 0, words)
  })
}

/** The words around offset `at` of the field, on one line, with every query word marked. */
function snippet(field: SearchField, at: number, words: readonly string[]): SearchHit {
  // Each whitespace character is one unit, so offsets stay those of the original text.
  const flat = field.text.replace(/\s/gu, ' ')
  let from = Math.max(0, at - BEFORE)
  let to = Math.min(flat.length, at + AFTER)
  // Start and end on word boundaries, unless a single word runs past the window.
  const space = flat.indexOf(' ', from)
  if (from > 0 && space >= 0 && space < at) from = space + 1
  const lastSpace = flat.lastIndexOf(' ', to)
  if (to < flat.length && lastSpace > at) to = lastSpace
  const part = flat.slice(from, to)
  return {
    ...(field.place === undefined ? {} : { place: field.place }),
    label: field.label,
    snippet: part,
    highlights: highlightsIn(part, words),
    clippedStart: from > 0,
    clippedEnd: to < flat.length,
  }
}

function highlightsIn(text: string, words: readonly string[]): [number, number][] {
  const folded = fold(text)
  const ranges = words
    .flatMap((word) => occurrences(folded.text, word))
    .map(([start, end]): [number, number] => [
      originOf(folded, start) ?? 0,
      originOf(folded, end) ?? text.length,
    ])
  const merged: [number, number][] = []
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

interface Folded {
  text: string
  /**
   * For each unit of `text`, the index of the character of the original it came from; null
   * when they are the same (plain ASCII).
   */
  origin: number[] | null
}

function originOf(folded: Folded, at: number): number | undefined {
  if (!folded.origin) return at <= folded.text.length ? at : undefined
  return folded.origin[at]
}

/**
 * Lower case without accents, as matching compares them: the same text as `fold(…).text`,
 * built without the offsets. Plain ASCII (most of what support agents type) needs no
 * per-character work at all.
 */
export function foldForMatching(original: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(original)) return original.toLowerCase()
  let text = ''
  for (const character of original) text += foldCharacter(character)
  return text
}

function foldCharacter(character: string): string {
  return character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Lower case without accents, with a map back to the original's offsets. */
function fold(original: string): Folded {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(original)) return { text: original.toLowerCase(), origin: null }
  let text = ''
  const origin: number[] = []
  let index = 0
  for (const character of original) {
    const plain = foldCharacter(character)
    text += plain
    for (let unit = 0; unit < plain.length; unit++) origin.push(index)
    index += character.length
  }
  return { text, origin }
}

function occurrences(text: string, word: string): [number, number][] {
  const ranges: [number, number][] = []
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    ranges.push([at, at + word.length])
  }
  return ranges
}
