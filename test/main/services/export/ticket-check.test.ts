import { describe, expect, it } from 'vitest'
import type { TicketComment } from '../../../../src/main/services/export/connectors/connector'
import {
  ticketChanges,
  type TicketReading,
} from '../../../../src/main/services/export/ticket-check'
import type { TicketSeen } from '../../../../src/shared/case/schema'

const seen: TicketSeen = {
  ticketId: '48213',
  subject: 'Invoices fail to export',
  requester: 'Maria Customer',
  status: 'open',
  updatedAt: '2026-03-02T09:00:00Z',
  readAt: '2026-03-02T09:30:00Z',
  lastCommentId: '1',
}

function comment(
  id: string,
  createdAt: string,
  text = `Comment ${id}`,
  visible = true,
): TicketComment {
  return { id, public: visible, text, createdAt }
}

function reading(
  comments: TicketComment[],
  changes: Partial<TicketReading['info']> = {},
): TicketReading {
  return {
    info: {
      id: '48213',
      subject: seen.subject,
      requester: seen.requester,
      status: seen.status,
      updatedAt: seen.updatedAt,
      url: '',
      ...changes,
    },
    comments,
    readAt: new Date('2026-03-02T11:00:00Z'),
  }
}

describe('what changed on a ticket since the case read it', () => {
  it('finds nothing when the ticket is as it was', () => {
    expect(ticketChanges(seen, reading([comment('1', '2026-03-02T09:00:00Z')]), 'Zendesk')).toEqual(
      [],
    )
  })

  it('quotes the comments added after the newest one the case saw', () => {
    const changes = ticketChanges(
      seen,
      reading([
        comment('1', '2026-03-02T09:00:00Z'),
        comment('2', '2026-03-02T10:00:00Z', 'Omar answered already: refunds are out.', false),
      ]),
      'Zendesk',
    )
    expect(changes).toEqual([
      expect.stringMatching(
        /^An internal note was added at .*: “Omar answered already: refunds are out\.”$/,
      ),
    ])
  })

  it('goes by the time it was read when the newest comment it saw is no longer listed', () => {
    const changes = ticketChanges(
      { ...seen, lastCommentId: 'gone' },
      reading([comment('8', '2026-03-02T09:10:00Z'), comment('9', '2026-03-02T10:00:00Z')]),
      'Zendesk',
    )
    expect(changes).toHaveLength(1)
    expect(changes[0]).toContain('Comment 9')
  })

  it('counts many new comments and quotes the latest three', () => {
    const added = ['2', '3', '4', '5'].map((id) => comment(id, `2026-03-02T10:0${id}:00Z`))
    const changes = ticketChanges(
      seen,
      reading([comment('1', seen.updatedAt), ...added]),
      'Zendesk',
    )
    expect(changes[0]).toBe('4 comments were added; the latest 3 are:')
    expect(changes.slice(1).map((line) => /Comment \d/.exec(line)?.[0])).toEqual([
      'Comment 3',
      'Comment 4',
      'Comment 5',
    ])
  })

  it('reports a new status and subject, and a change it cannot name', () => {
    expect(
      ticketChanges(
        seen,
        reading([comment('1', seen.updatedAt)], { status: 'solved', subject: 'Fixed' }),
        'Zendesk',
      ),
    ).toEqual(['The status changed from “open” to “solved”.', 'The subject is now “Fixed”.'])
    expect(
      ticketChanges(
        seen,
        reading([comment('1', seen.updatedAt)], { updatedAt: '2026-03-02T10:30:00Z' }),
        'Zendesk',
      ),
    ).toEqual([
      expect.stringMatching(
        /^The ticket was changed in Zendesk at .* \(a field, tag or assignee\)\.$/,
      ),
    ])
  })
})
