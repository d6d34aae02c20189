/**
 * The outbox waits longer after each failure, but never so long that an export sits for ages
 * once the help desk is back, and never less than a rate limit asks for.
 */
import { describe, expect, it } from 'vitest'
import {
  FIRST_DELAY_MS,
  MAX_DELAY_MS,
  backoffDelay,
  nextAttemptTime,
} from '../../../../../src/main/services/export/outbox/retry-policy'

const middle = (): number => 0.5

describe('backoffDelay', () => {
  it('doubles from 2 seconds with each failure in a row', () => {
    const delays = [1, 2, 3, 4].map((failures) => backoffDelay(failures, middle))

    expect(delays).toEqual([FIRST_DELAY_MS, 4_000, 8_000, 16_000])
  })

  it('never waits longer than 5 minutes, however many failures', () => {
    expect(backoffDelay(9, middle)).toBe(MAX_DELAY_MS)
    expect(backoffDelay(500, () => 0.999)).toBe(MAX_DELAY_MS)
  })

  it('spreads each wait by up to a fifth either way', () => {
    expect(backoffDelay(3, () => 0)).toBe(6_400)
    expect(backoffDelay(3, () => 0.999)).toBeGreaterThan(9_500)
    expect(backoffDelay(3, () => 0.999)).toBeLessThan(9_600)
  })
})

describe('nextAttemptTime', () => {
  const now = new Date('2025-03-04T14:00:00.000Z')

  it('waits exactly until a rate limit says, even past the backoff', () => {
    const retryAt = new Date('2025-03-04T14:07:30.000Z')

    expect(nextAttemptTime(now, 1, middle, retryAt)).toEqual(retryAt)
  })

  it('tries now when a rate limit has already passed', () => {
    const retryAt = new Date('2025-03-04T13:59:00.000Z')

    expect(nextAttemptTime(now, 4, middle, retryAt)).toEqual(now)
  })

  it('waits the backoff when there is no rate limit', () => {
    expect(nextAttemptTime(now, 2, middle)).toEqual(new Date('2025-03-04T14:00:04.000Z'))
  })
})
