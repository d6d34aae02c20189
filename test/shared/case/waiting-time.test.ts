import { describe, expect, it } from 'vitest'
import { durationText, waitedSince } from '../../../src/shared/case/waiting-time'

const MINUTE = 60_000

describe('how long the customer has waited', () => {
  it('says under a minute, then minutes, then hours with minutes, then days with hours', () => {
    expect(durationText(59_999)).toBe('under a minute')
    expect(durationText(12 * MINUTE + 59_000)).toBe('12 min')
    expect(durationText(3 * 60 * MINUTE + 5 * MINUTE)).toBe('3 h 05 min')
    expect(durationText(24 * 60 * MINUTE)).toBe('1 day')
    expect(durationText(52 * 60 * MINUTE + 30 * MINUTE)).toBe('2 days 4 h')
  })

  it('never shows a negative time when a peer’s clock runs ahead', () => {
    expect(durationText(-5 * MINUTE)).toBe('under a minute')
  })

  it('measures from an ISO time and refuses an unreadable one', () => {
    const now = new Date('2026-11-20T11:30:00.000Z')
    expect(waitedSince('2026-11-20T09:00:00.000Z', now)).toBe('2 h 30 min')
    expect(waitedSince('yesterday-ish', now)).toBeNull()
  })
})
