/**
 * Reading the linked ticket from its help desk, recording what was read (`meta.ticketSeen`),
 * and saying in words what changed since: before a reply goes to the customer, the owner
 * learns that someone else answered meanwhile.
 */
import type { TicketSeen } from '@shared/case/schema'
import type { Connector, TicketComment, TicketInfo } from './connectors/connector'
import { clockTime } from './outbox/outbox-messages'

export interface TicketReading {
  info: TicketInfo
  /** The latest comments, oldest first. */
  comments: TicketComment[]
  readAt: Date
}

/** The longest quote of a new comment shown to the owner. */
const QUOTE_CHARACTERS = 160
/** How many new comments are quoted one by one; the rest are counted. */
const QUOTED_COMMENTS = 3

export async function readTicket(
  connector: Connector,
  ticketId: string,
  now: Date,
): Promise<TicketReading> {
  const info = await connector.readTicket(ticketId)
  const comments = await connector.recentComments(ticketId)
  return { info, comments, readAt: now }
}

export function seenFrom(ticketId: string, reading: TicketReading): TicketSeen {
  return {
    ticketId,
    subject: reading.info.subject,
    requester: reading.info.requester,
    status: reading.info.status,
    updatedAt: reading.info.updatedAt,
    readAt: reading.readAt.toISOString(),
    lastCommentId: reading.comments.at(-1)?.id ?? '',
  }
}

/** Comments added since `seen`: after its newest one, or, when that is gone, after it was read. */
function newComments(seen: TicketSeen, comments: readonly TicketComment[]): TicketComment[] {
  const index =
    seen.lastCommentId === '' ? -1 : comments.findIndex((c) => c.id === seen.lastCommentId)
  if (index >= 0) return comments.slice(index + 1)
  const readAt = Date.parse(seen.readAt)
  if (seen.lastCommentId === '' && Number.isNaN(readAt)) return [...comments]
  return comments.filter((comment) => {
    const at = Date.parse(comment.createdAt)
    return Number.isNaN(at) || Number.isNaN(readAt) || at > readAt
  })
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > QUOTE_CHARACTERS ? `${flat.slice(0, QUOTE_CHARACTERS - 1)}…` : flat
}

/**
 * What changed on the ticket since the case last read it, one sentence each; empty when
 * nothing did. `vendor` names the help desk ("Zendesk").
 */
export function ticketChanges(seen: TicketSeen, reading: TicketReading, vendor: string): string[] {
  const changes: string[] = []
  const added = newComments(seen, reading.comments)
  for (const comment of added.slice(-QUOTED_COMMENTS)) {
    const kind = comment.public ? 'A public comment' : 'An internal note'
    const at = Date.parse(comment.createdAt)
    const when = Number.isNaN(at) ? '' : ` at ${clockTime(new Date(at), reading.readAt)}`
    changes.push(`${kind} was added${when}: “${quote(comment.text)}”`)
  }
  if (added.length > QUOTED_COMMENTS) {
    changes.unshift(`${added.length} comments were added; the latest ${QUOTED_COMMENTS} are:`)
  }
  const { info } = reading
  if (info.status !== seen.status) {
    changes.push(`The status changed from “${seen.status || 'none'}” to “${info.status}”.`)
  }
  if (info.subject !== seen.subject) changes.push(`The subject is now “${info.subject}”.`)
  if (changes.length === 0 && info.updatedAt !== '' && info.updatedAt !== seen.updatedAt) {
    const at = Date.parse(info.updatedAt)
    const when = Number.isNaN(at) ? '' : ` at ${clockTime(new Date(at), reading.readAt)}`
    changes.push(`The ticket was changed in ${vendor}${when} (a field, tag or assignee).`)
  }
  return changes
}
