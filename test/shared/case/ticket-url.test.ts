import { describe, expect, it } from 'vitest'
import { recogniseTicketUrl, recogniseTicketUrlAt } from '../../../src/shared/case/ticket-url'

describe('recognising a pasted ticket URL', () => {
  it.each([
    [
      'a Zendesk agent URL',
      'https://acme.zendesk.com/agent/tickets/48213',
      { system: 'zendesk', ticketId: '48213', baseUrl: 'https://acme.zendesk.com' },
    ],
    [
      'a Freshdesk agent URL',
      'https://acme.freshdesk.com/a/tickets/77',
      { system: 'freshdesk', ticketId: '77', baseUrl: 'https://acme.freshdesk.com' },
    ],
    [
      'an older Freshdesk URL',
      'https://acme.freshdesk.com/helpdesk/tickets/77',
      { system: 'freshdesk', ticketId: '77', baseUrl: 'https://acme.freshdesk.com' },
    ],
    [
      'a Help Scout conversation by its id, not its number',
      'https://secure.helpscout.net/conversation/2451234567/1234',
      { system: 'helpscout', ticketId: '2451234567', baseUrl: 'https://api.helpscout.net' },
    ],
    [
      'an Intercom inbox URL',
      'https://app.intercom.com/a/inbox/abc123/inbox/conversation/1234567',
      { system: 'intercom', ticketId: '1234567', baseUrl: 'https://api.intercom.io' },
    ],
    [
      'an Intercom app URL',
      'https://app.intercom.com/a/apps/abc123/inbox/inbox/all/conversations/1234567',
      { system: 'intercom', ticketId: '1234567', baseUrl: 'https://api.intercom.io' },
    ],
    [
      'an Intercom workspace hosted in Europe',
      'https://app.eu.intercom.com/a/inbox/abc123/inbox/conversation/42',
      { system: 'intercom', ticketId: '42', baseUrl: 'https://api.eu.intercom.io' },
    ],
    [
      'a Jira customer portal URL',
      'https://acme.atlassian.net/servicedesk/customer/portal/1/SUP-112',
      { system: 'jira', ticketId: 'SUP-112', baseUrl: 'https://acme.atlassian.net' },
    ],
    [
      'a Jira browse URL',
      'https://acme.atlassian.net/browse/SUP-112',
      { system: 'jira', ticketId: 'SUP-112', baseUrl: 'https://acme.atlassian.net' },
    ],
    [
      'a Jira queue URL',
      'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-112',
      { system: 'jira', ticketId: 'SUP-112', baseUrl: 'https://acme.atlassian.net' },
    ],
    [
      'a Zammad ticket',
      'https://help.acme.com/#ticket/zoom/771',
      { system: 'zammad', ticketId: '771', baseUrl: 'https://help.acme.com' },
    ],
    [
      'a Zammad ticket on a sub-path, at one article',
      'https://acme.com/zammad/#ticket/zoom/771/3024',
      { system: 'zammad', ticketId: '771', baseUrl: 'https://acme.com/zammad' },
    ],
  ])('reads %s', (_what, url, expected) => {
    expect(recogniseTicketUrl(url)).toEqual(expected)
  })

  it('ignores the spaces around a pasted URL and keeps query strings out', () => {
    expect(recogniseTicketUrl('  https://acme.zendesk.com/agent/tickets/48213?via=mail  ')).toEqual(
      {
        system: 'zendesk',
        ticketId: '48213',
        baseUrl: 'https://acme.zendesk.com',
      },
    )
  })

  it.each([
    ['a bare id', '48213'],
    ['text that is not a URL', 'see ticket 48213'],
    ['a Zendesk page that is not a ticket', 'https://acme.zendesk.com/agent/dashboard'],
    ['a look-alike host', 'https://acme.zendesk.com.evil.test/agent/tickets/48213'],
    ['a Jira URL with no key', 'https://acme.atlassian.net/browse/'],
    ['some other site', 'https://example.com/tickets/5'],
    ['a file link', 'file:///agent/tickets/48213'],
  ])('recognises nothing in %s', (_what, text) => {
    expect(recogniseTicketUrl(text)).toBeUndefined()
  })
})

describe('recognising a ticket URL at a connection’s own address', () => {
  it('reads a Zendesk ticket on a test instance at 127.0.0.1', () => {
    expect(
      recogniseTicketUrlAt(
        'http://127.0.0.1:8123/agent/tickets/48213',
        'zendesk',
        'http://127.0.0.1:8123/',
      ),
    ).toEqual({ system: 'zendesk', ticketId: '48213', baseUrl: 'http://127.0.0.1:8123' })
  })

  it('reads a Jira request under a help desk that lives below a path', () => {
    expect(
      recogniseTicketUrlAt(
        'https://support.acme.com/jira/browse/SUP-112',
        'jira',
        'https://support.acme.com/jira',
      ),
    ).toEqual({ system: 'jira', ticketId: 'SUP-112', baseUrl: 'https://support.acme.com/jira' })
  })

  it('ignores a URL on another host or outside the connection’s path', () => {
    expect(
      recogniseTicketUrlAt(
        'http://127.0.0.2:8123/agent/tickets/1',
        'zendesk',
        'http://127.0.0.1:8123',
      ),
    ).toBeUndefined()
    expect(
      recogniseTicketUrlAt('https://acme.com/other/browse/SUP-1', 'jira', 'https://acme.com/jira'),
    ).toBeUndefined()
  })

  it('ignores a page of the help desk that is not a ticket', () => {
    expect(
      recogniseTicketUrlAt(
        'http://127.0.0.1:8123/agent/dashboard',
        'zendesk',
        'http://127.0.0.1:8123',
      ),
    ).toBeUndefined()
  })
})
