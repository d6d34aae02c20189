/**
 * Search folds each case's text once and compares folded words. What this guards: the fast
 * path for plain ASCII and the per-character path folding differently, so that a word typed
 * one way stops finding the text written the other way; and snippets pointing at the wrong
 * characters once offsets are computed only for the cases shown.
 */
import { describe, expect, it } from 'vitest'
import {
  foldForMatching,
  hitsOf,
  matchCase,
  queryWords,
} from '../../../../src/main/services/search/search-match'

describe('matching a query against a case', () => {
  it('folds case and accents the same way for ASCII and for any other text', () => {
    expect(foldForMatching('Refund PRORATION')).toBe('refund proration')
    expect(foldForMatching('Résumé ΟΔΟΣ İstanbul naïve 👩‍💻')).toBe('resume οδοσ istanbul naive 👩‍💻')
    expect(queryWords('  RÉSUMÉ résumé  ')).toEqual(['resume'])
  })

  it('finds a case only when every word is in it, and marks the words where they are', () => {
    const fields = [
      { label: 'Title', text: 'Acme: Überweisung failed', weight: 10 },
      { label: 'Case summary', text: 'The café’s résumé export failed twice.', weight: 3 },
    ]
    const words = queryWords('resume failed')
    const match = matchCase(fields, words, 3)
    expect(match?.score).toBe(10 + 3 * 2)
    const hits = match ? hitsOf(match, words) : []
    const summary = hits.find((hit) => hit.label === 'Case summary')
    expect(summary?.highlights.map(([start, end]) => summary.snippet.slice(start, end))).toEqual([
      'résumé',
      'failed',
    ])
    expect(matchCase(fields, queryWords('resume refund'), 3)).toBeNull()
  })
})
