import { describe, expect, it } from 'vitest'
import { FACES_SHOWN, splitFacepile } from '../../../src/shared/room/facepile'

describe('the header facepile', () => {
  it('shows everyone while they fit', () => {
    const people = ['Dana', 'Omar', 'Priya', 'Lena'].slice(0, FACES_SHOWN)
    expect(splitFacepile(people)).toEqual({ shown: people, folded: [] })
  })

  it('folds the rest into "+N" so the pile never grows past its size', () => {
    const people = ['Dana', 'Omar', 'Priya', 'Lena', 'Otto', 'Mei']
    const { shown, folded } = splitFacepile(people, 4)
    expect(shown).toEqual(['Dana', 'Omar', 'Priya'])
    expect(folded).toEqual(['Lena', 'Otto', 'Mei'])
    expect(shown.length + 1).toBe(4)
  })
})
