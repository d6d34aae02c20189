/**
 * A short fuzz run on every `npm test`: mutated and random updates, sync and awareness
 * messages through the peer message gate and the readers, and signaling frames through the
 * hub. The long run is `npm run fuzz` (test/fuzz/run.ts); its figures are in the README.
 */
import { describe, expect, it } from 'vitest'
import { runFuzz } from './fuzz-room'

describe('fuzzing what reaches a room from the network', () => {
  it('gets through 2,000 seeded inputs with no crash, hang, divergence or unrenderable state', () => {
    const figures = runFuzz({ inputs: 2000, seed: 20_260_601 })
    expect(figures.failures).toEqual([])
    expect(figures).toMatchObject({
      inputs: 2000,
      crashes: 0,
      hangs: 0,
      divergences: 0,
      unrenderable: 0,
    })
    expect(figures.accepted).toBeGreaterThan(100)
    expect(figures.refused).toBeGreaterThan(100)
  }, 120_000)
})
