import type { HelpDesk, TicketReference } from './schema'

/**
 * Reads what an agent pasted as the ticket: an id ("48213", "SUP-112") or a ticket URL, from
 * which the id is the last path segment that looks like one.
 */
export function ticketFromInput(system: HelpDesk, reference: string): TicketReference {
  const text = reference.trim()
  if (!/^https?:\/\//i.test(text)) return { system, id: text, url: '' }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { system, id: text, url: '' }
  }
  const segments = [...url.pathname.split('/'), ...url.hash.slice(1).split('/')].filter(Boolean)
  const id = [...segments].reverse().find((segment) => /^([A-Z][A-Z0-9]*-)?\d+$/i.test(segment))
  return { system, id: id ?? '', url: url.href }
}
