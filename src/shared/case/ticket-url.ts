/**
 * Recognises a ticket URL an agent pasted: which help desk it belongs to, the ticket's id as
 * that help desk's API knows it, and the address a connection to it would use (for Help Scout
 * and Intercom that is their API host, not the web app's). Pure: runs in the renderer too.
 */
import type { HelpDesk } from './schema'

export interface RecognisedTicket {
  system: Exclude<HelpDesk, 'other'>
  ticketId: string
  baseUrl: string
}

type Recogniser = (url: URL) => RecognisedTicket | undefined

const JIRA_KEY = /^[A-Z][A-Z0-9_]*-\d+$/i

const RECOGNISERS: readonly Recogniser[] = [
  // https://acme.zendesk.com/agent/tickets/48213
  (url) => {
    if (!/\.zendesk\.com$/i.test(url.hostname)) return undefined
    const id = /^\/agent\/tickets\/(\d+)(\/|$)/.exec(url.pathname)?.[1]
    return id ? { system: 'zendesk', ticketId: id, baseUrl: url.origin } : undefined
  },
  // https://acme.freshdesk.com/a/tickets/77 and the older /helpdesk/tickets/77
  (url) => {
    if (!/\.freshdesk\.com$/i.test(url.hostname)) return undefined
    const id = /^\/(?:a|helpdesk)\/tickets\/(\d+)(\/|$)/.exec(url.pathname)?.[1]
    return id ? { system: 'freshdesk', ticketId: id, baseUrl: url.origin } : undefined
  },
  // https://secure.helpscout.net/conversation/2451234567/1234: the conversation id, not its number
  (url) => {
    if (url.hostname.toLowerCase() !== 'secure.helpscout.net') return undefined
    const id = /^\/conversation\/(\d+)(\/|$)/.exec(url.pathname)?.[1]
    return id
      ? { system: 'helpscout', ticketId: id, baseUrl: 'https://api.helpscout.net' }
      : undefined
  },
  // https://app.intercom.com/a/inbox/abc123/inbox/conversation/1234567
  // https://app.intercom.com/a/apps/abc123/inbox/inbox/all/conversations/1234567
  (url) => {
    const region = /^app(?:\.(eu|au))?\.intercom\.com$/i.exec(url.hostname)
    if (!region) return undefined
    const id = /^\/a\/(?:inbox|apps)\/[^/]+\/(?:.+\/)?conversations?\/(\d+)(\/|$)/.exec(
      url.pathname,
    )?.[1]
    const api = region[1]
      ? `https://api.${region[1].toLowerCase()}.intercom.io`
      : 'https://api.intercom.io'
    return id ? { system: 'intercom', ticketId: id, baseUrl: api } : undefined
  },
  // https://acme.atlassian.net/servicedesk/customer/portal/1/SUP-112, /browse/SUP-112, and the
  // agent view /jira/servicedesk/projects/SUP/queues/custom/1/SUP-112
  (url) => {
    if (!/\.atlassian\.net$/i.test(url.hostname)) return undefined
    const segments = url.pathname.split('/').filter(Boolean)
    const known =
      segments[0] === 'browse' ||
      segments.slice(0, 3).join('/') === 'servicedesk/customer/portal' ||
      segments.slice(0, 2).join('/') === 'jira/servicedesk'
    const key = known ? segments.find((segment) => JIRA_KEY.test(segment)) : undefined
    return key ? { system: 'jira', ticketId: key.toUpperCase(), baseUrl: url.origin } : undefined
  },
  // https://help.acme.com/#ticket/zoom/771 (Zammad runs on the customer's own host)
  (url) => {
    const id = /^#ticket\/zoom\/(\d+)(\/|$)/.exec(url.hash)?.[1]
    const baseUrl = url.origin + url.pathname.replace(/\/+$/, '')
    return id ? { system: 'zammad', ticketId: id, baseUrl } : undefined
  },
]

export function recogniseTicketUrl(pasted: string): RecognisedTicket | undefined {
  const text = pasted.trim()
  if (!/^https?:\/\//i.test(text) || !URL.canParse(text)) return undefined
  const url = new URL(text)
  for (const recognise of RECOGNISERS) {
    const ticket = recognise(url)
    if (ticket) return ticket
  }
  return undefined
}
