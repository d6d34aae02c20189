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

interface Recogniser {
  system: RecognisedTicket['system']
  /** The connection address for a URL on this vendor's own hosts; undefined for other hosts. */
  address: (url: URL) => string | undefined
  /** The ticket id in the URL's path (or fragment); undefined when it names no ticket. */
  ticketId: (url: URL) => string | undefined
}

const JIRA_KEY = /^[A-Z][A-Z0-9_]*-\d+$/i
const INTERCOM_HOST = /^app(?:\.(eu|au))?\.intercom\.com$/i

const RECOGNISERS: readonly Recogniser[] = [
  // https://acme.zendesk.com/agent/tickets/48213
  {
    system: 'zendesk',
    address: (url) => (/\.zendesk\.com$/i.test(url.hostname) ? url.origin : undefined),
    ticketId: (url) => /^\/agent\/tickets\/(\d+)(\/|$)/.exec(url.pathname)?.[1],
  },
  // https://acme.freshdesk.com/a/tickets/77 and the older /helpdesk/tickets/77
  {
    system: 'freshdesk',
    address: (url) => (/\.freshdesk\.com$/i.test(url.hostname) ? url.origin : undefined),
    ticketId: (url) => /^\/(?:a|helpdesk)\/tickets\/(\d+)(\/|$)/.exec(url.pathname)?.[1],
  },
  // https://secure.helpscout.net/conversation/2451234567/1234: the conversation id, not its number
  {
    system: 'helpscout',
    address: (url) =>
      url.hostname.toLowerCase() === 'secure.helpscout.net'
        ? 'https://api.helpscout.net'
        : undefined,
    ticketId: (url) => /^\/conversation\/(\d+)(\/|$)/.exec(url.pathname)?.[1],
  },
  // https://app.intercom.com/a/inbox/abc123/inbox/conversation/1234567
  // https://app.intercom.com/a/apps/abc123/inbox/inbox/all/conversations/1234567
  {
    system: 'intercom',
    address: (url) => {
      const region = INTERCOM_HOST.exec(url.hostname)
      if (!region) return undefined
      return region[1]
        ? `https://api.${region[1].toLowerCase()}.intercom.io`
        : 'https://api.intercom.io'
    },
    ticketId: (url) =>
      /^\/a\/(?:inbox|apps)\/[^/]+\/(?:.+\/)?conversations?\/(\d+)(\/|$)/.exec(url.pathname)?.[1],
  },
  // https://acme.atlassian.net/servicedesk/customer/portal/1/SUP-112, /browse/SUP-112, and the
  // agent view /jira/servicedesk/projects/SUP/queues/custom/1/SUP-112
  {
    system: 'jira',
    address: (url) => (/\.atlassian\.net$/i.test(url.hostname) ? url.origin : undefined),
    ticketId: (url) => {
      const segments = url.pathname.split('/').filter(Boolean)
      const known =
        segments[0] === 'browse' ||
        segments.slice(0, 3).join('/') === 'servicedesk/customer/portal' ||
        segments.slice(0, 2).join('/') === 'jira/servicedesk'
      const key = known ? segments.find((segment) => JIRA_KEY.test(segment)) : undefined
      return key?.toUpperCase()
    },
  },
  // https://help.acme.com/#ticket/zoom/771 (Zammad runs on the customer's own host)
  {
    system: 'zammad',
    address: (url) => url.origin + url.pathname.replace(/\/+$/, ''),
    ticketId: (url) => /^#ticket\/zoom\/(\d+)(\/|$)/.exec(url.hash)?.[1],
  },
]

function parseUrl(pasted: string): URL | undefined {
  const text = pasted.trim()
  if (!/^https?:\/\//i.test(text) || !URL.canParse(text)) return undefined
  return new URL(text)
}

export function recogniseTicketUrl(pasted: string): RecognisedTicket | undefined {
  const url = parseUrl(pasted)
  if (!url) return undefined
  for (const recogniser of RECOGNISERS) {
    const baseUrl = recogniser.address(url)
    const ticketId = baseUrl === undefined ? undefined : recogniser.ticketId(url)
    if (baseUrl !== undefined && ticketId) return { system: recogniser.system, ticketId, baseUrl }
  }
  return undefined
}

/**
 * Recognises a ticket URL on a help desk at a known address, whatever its host name: a
 * connection to a vendor on the company's own domain, or a test instance on this computer.
 * The URL must start with `baseUrl`, and its path must be one of that vendor's ticket paths.
 * @example recogniseTicketUrlAt('http://127.0.0.1:8080/agent/tickets/7', 'zendesk', 'http://127.0.0.1:8080')
 */
export function recogniseTicketUrlAt(
  pasted: string,
  system: RecognisedTicket['system'],
  baseUrl: string,
): RecognisedTicket | undefined {
  const url = parseUrl(pasted)
  const base = parseUrl(baseUrl)
  const recogniser = RECOGNISERS.find((candidate) => candidate.system === system)
  if (!url || !base || !recogniser || url.origin !== base.origin) return undefined
  const prefix = base.pathname.replace(/\/+$/, '')
  if (prefix !== '' && url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) {
    return undefined
  }
  // The vendor's paths start after the connection's own path (a help desk under /support).
  const relative = new URL(url.href)
  relative.pathname = url.pathname.slice(prefix.length) || '/'
  const ticketId = recogniser.ticketId(relative)
  return ticketId ? { system, ticketId, baseUrl: base.origin + prefix } : undefined
}
