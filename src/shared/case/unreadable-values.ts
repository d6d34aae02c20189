/**
 * Everything in a case a teammate wrote that Swarmroom could not read, gathered from every
 * reader, so the room can say that something is not shown (see unreadable.ts for why).
 */
import type * as Y from 'yjs'
import { approvalStatus } from './approval'
import { readMeta } from './case-doc'
import { listExports } from './exports'
import { readMembers } from './members'
import { readOwnershipOffer } from './ownership'
import { listReviewComments } from './review'
import { listSnapshots } from './snapshots'
import { listSuggestions } from './suggestions'
import { readTicketSeen } from './ticket-seen'
import { listActions } from './timeline'
import { listUpdates } from './updates'
import type { Unreadable } from './unreadable'

/** Each value that a reader of the case skipped or read as its default, part by part. */
export function unreadableValues(doc: Y.Doc): Unreadable[] {
  const found: Unreadable[] = []
  const note = (unreadable: Unreadable): void => {
    found.push(unreadable)
  }
  readMeta(doc, note)
  readOwnershipOffer(doc, note)
  readTicketSeen(doc, note)
  readMembers(doc, note)
  listActions(doc, note)
  listUpdates(doc, note)
  approvalStatus(doc, note)
  listSuggestions(doc, undefined, note)
  listExports(doc, note)
  listReviewComments(doc, undefined, note)
  listSnapshots(doc, note)
  return found
}

/** What the room says when `unreadableValues` found anything in the case titled `title`. */
export function unreadableNotice(title: string): string {
  return `Some of what a teammate wrote into “${title}” could not be read and is not shown.`
}
