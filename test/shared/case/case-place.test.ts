import { describe, expect, it } from 'vitest'
import { parsePlace, placeToString } from '../../../src/shared/case/case-place'

describe('places in a case', () => {
  it('writes a section or a timeline entry as a string and reads it back', () => {
    expect(placeToString({ kind: 'section', section: 'impact' })).toBe('section:impact')
    expect(parsePlace('section:impact')).toEqual({ kind: 'section', section: 'impact' })
    expect(parsePlace('action:7f1c:joined')).toEqual({ kind: 'action', id: '7f1c:joined' })
  })

  it('reads anything else as no place at all', () => {
    for (const text of [undefined, '', 'section:', 'section:notes', 'summary', 'tab:timeline']) {
      expect(parsePlace(text)).toBeNull()
    }
  })
})
