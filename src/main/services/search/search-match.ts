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
}

export interface CaseMatch {
  score: number
  hits: SearchHit[]
}

const MAX_WORDS = 8
const BEFORE = 40
const AFTER = 90

/** The query's distinct words, folded for matching; empty when there is nothing to look for. */
export function queryWords(query: string): string[] {
  const words = fold(query).text.split(/\s+/u)
  return [...new Set(words.filter((word) => word !== ''))].slice(0, MAX_WORDS)
}

/** The case's hits for the words, best first, or null when some word is nowhere in it. */
export function matchCase(
  fields: readonly SearchField[],
  words: readonly string[],
  maxHits: number,
): CaseMatch | null {
  if (words.length === 0) return null
  const missing = new Set(words)
  const scored: { hit: SearchHit; score: number }[] = []
  for (const field of fields) {
    const folded = fold(field.text)
    const present = words.filter((word) => folded.text.includes(word))
    if (present.length === 0) continue
    for (const word of present) missing.delete(word)
    const first = Math.min(...present.map((word) => folded.text.indexOf(word)))
    const hit = snippet(field, folded.origin[first] ?? 0, words)
    scored.push({ hit, score: field.weight * present.length })
  }
  if (missing.size > 0) return null
  scored.sort((a, b) => b.score - a.score)
  return {
    score: scored.reduce((total, item) => total + item.score, 0),
    hits: scored.slice(0, maxHits).map((item) => item.hit),
  }
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
      folded.origin[start] ?? 0,
      folded.origin[end] ?? text.length,
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
  /** For each unit of `text`, the index of the character of the original it came from. */
  origin: number[]
}

/** Lower case without accents, with a map back to the original's offsets. */
function fold(original: string): Folded {
  let text = ''
  const origin: number[] = []
  let index = 0
  for (const character of original) {
    const plain = character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
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
