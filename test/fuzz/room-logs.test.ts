/**
 * A short fuzz run of room logs on every `npm test`: seeded cases written through the real
 * RoomStore, some updates mutated and some files damaged, each opened (and compacted) as the
 * app opens a case. The long run is `npm run fuzz -- --logs 40000`; its figures are in the
 * README.
 */
import { describe, expect, it } from 'vitest'
import { useTempFolder } from '../fixtures/temp-folder'
import { runLogFuzz } from './fuzz-logs'

const tempFolder = useTempFolder()

describe('fuzzing room logs on disk', () => {
  it('opens 300 damaged and mutated logs with no crash, no frame lost without a copy, all renderable', () => {
    const figures = runLogFuzz({ logs: 300, seed: 20_261_201, folder: tempFolder() })
    expect(figures.failures).toEqual([])
    expect(figures).toMatchObject({ logs: 300, crashes: 0, framesLost: 0, unrenderable: 0 })
    // The run reaches both ways of setting things aside.
    expect(figures.damagedSetAside).toBeGreaterThan(10)
    expect(figures.unmergeableSetAside).toBeGreaterThan(10)
  }, 120_000)
})
