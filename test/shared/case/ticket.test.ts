import { describe, expect, it } from 'vitest'
import { ticketFromInput } from '../../../src/shared/case/ticket'

describe('reading the ticket an agent pasted', () => {
  it('keeps a bare id as the id', () => {
    expect(ticketFromInput('zendesk', ' 48213 ')).toEqual({
      system: 'zendesk',
      id: '48213',
      url: '',
    })
  })

  it('takes the id from a Zendesk agent URL', () => {
    expect(ticketFromInput('zendesk', 'https://acme.zendesk.com/agent/tickets/48213')).toEqual({
      system: 'zendesk',
      id: '48213',
      url: 'https://acme.zendesk.com/agent/tickets/48213',
    })
  })

  it('takes a Jira key from a Jira Service Management URL', () => {
    const ticket = ticketFromInput(
      'jira',
      'https://acme.atlassian.net/servicedesk/customer/portal/1/SUP-112',
    )
    expect(ticket.id).toBe('SUP-112')
  })

  it('takes the id from a hash route such as Zammad’s', () => {
    expect(ticketFromInput('zammad', 'https://help.acme.com/#ticket/zoom/771').id).toBe('771')
  })

  it('keeps a URL without a recognisable id and leaves the id empty', () => {
    expect(ticketFromInput('other', 'https://status.acme.com/incidents')).toEqual({
      system: 'other',
      id: '',
      url: 'https://status.acme.com/incidents',
    })
  })
})
