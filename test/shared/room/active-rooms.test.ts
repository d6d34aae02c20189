import { describe, expect, it } from 'vitest'
import type { CaseSummary } from '../../../src/shared/ipc'
import { activeRoomIds } from '../../../src/shared/room/active-rooms'

const NOW = new Date('2026-12-02T10:00:00Z')

function line(roomId: string, lastActivity: string, archived = false): CaseSummary {
  return {
    roomId,
    title: roomId,
    ticket: { system: 'other', id: '', url: '' },
    customer: '',
    priority: 'normal',
    swarmType: 'other',
    status: 'swarming',
    archived,
    createdAt: '2026-10-01T00:00:00Z',
    lastActivity,
    signalingUrls: [],
    relay: false,
    unread: false,
    ownerId: '',
    ownerName: '',
    customerWaitingSince: '',
    updatesSent: false,
  }
}

describe('which cases sync in the background', () => {
  it('keeps unarchived cases active in the last 30 days, the most recent first', () => {
    const cases = [
      line('quiet', '2026-10-20T00:00:00Z'),
      line('yesterday', '2026-12-01T09:00:00Z'),
      line('archived', '2026-12-02T09:00:00Z', true),
      line('this-morning', '2026-12-02T08:00:00Z'),
      line('thirty-days', '2026-11-02T10:00:00Z'),
    ]
    expect(activeRoomIds(cases, NOW)).toEqual(['this-morning', 'yesterday', 'thirty-days'])
  })

  it('stops at the limit, leaving the quietest to be joined when opened', () => {
    const cases = Array.from({ length: 80 }, (_, index) =>
      line(`case-${index}`, new Date(NOW.getTime() - index * 60_000).toISOString()),
    )
    const active = activeRoomIds(cases, NOW)
    expect(active).toHaveLength(50)
    expect(active[0]).toBe('case-0')
    expect(active.at(-1)).toBe('case-49')
  })
})
