/**
 * Search across every case on this computer, offline: title, ticket, customer, the six sections
 * and the timeline. Each case's text is read from its room log once and kept, folded for
 * matching; a case is read again only when its log changed on disk (its size or modification
 * time moved), which covers typing in the app, teammates' edits arriving and compaction alike.
 * The kept text lives in memory only: room logs are customer data, and a second copy on disk
 * would be one more file to protect.
 */
import * as Y from 'yjs'
import { isCaseInitialized, readMeta, section } from '@shared/case/case-doc'
import { placeToString } from '@shared/case/case-place'
import { fragmentToPlainText } from '@shared/case/rich-text'
import { readTicketSeen } from '@shared/case/ticket-seen'
import { ACTION_KIND_NAMES, SECTION_NAMES, SECTION_TITLES } from '@shared/case/schema'
import { listActions } from '@shared/case/timeline'
import type { SearchResult } from '@shared/channels/search'
import type { CaseSummary } from '@shared/ipc'
import { logStamp } from '../storage/log-stamp'
import type { RoomStore } from '../storage/room-store'
import {
  foldForMatching,
  hitsOf,
  matchCase,
  queryWords,
  type CaseMatch,
  type SearchField,
} from './search-match'

export interface SearchResponse {
  results: SearchResult[]
  unreadable: string[]
}

interface CachedCase {
  /** The log's size and modification time when it was read. */
  stamp: string
  fields: SearchField[]
  requester: string
}

const MAX_RESULTS = 30
const HITS_PER_CASE = 3

export class CaseSearch {
  private readonly cache = new Map<string, CachedCase>()

  constructor(
    private readonly rooms: RoomStore,
    /** The cases on this computer (the lobby's list). */
    private readonly cases: () => readonly CaseSummary[],
  ) {}

  /** Cases holding every word of the query, best match first. */
  async search(query: string): Promise<SearchResponse> {
    const words = queryWords(query)
    const cases = this.cases()
    this.forgetRemoved(cases)
    if (words.length === 0) return { results: [], unreadable: [] }
    const scored: { summary: CaseSummary; match: CaseMatch }[] = []
    const unreadable: string[] = []
    for (const summary of cases) {
      const fields = await this.fieldsOf(summary).catch((error: unknown) => {
        console.warn(`search could not read case ${summary.roomId}`, error)
        unreadable.push(summary.title)
        return null
      })
      const match = fields && matchCase(fields, words, HITS_PER_CASE)
      if (match) scored.push({ summary, match })
    }
    scored.sort(
      (a, b) =>
        b.match.score - a.match.score ||
        b.summary.lastActivity.localeCompare(a.summary.lastActivity),
    )
    // Snippets only for the cases shown.
    const results = scored.slice(0, MAX_RESULTS).map(({ summary, match }) => {
      const { roomId, title, ticket, customer, createdAt, status, archived } = summary
      const requester = this.cache.get(roomId)?.requester ?? ''
      const hits = hitsOf(match, words)
      return { roomId, title, ticket, customer, requester, createdAt, status, archived, hits }
    })
    return { results, unreadable }
  }

  private async fieldsOf(summary: CaseSummary): Promise<SearchField[]> {
    const stamp = logStamp(this.rooms.pathOf(summary.roomId))
    const cached = this.cache.get(summary.roomId)
    if (cached && cached.stamp === stamp) return cached.fields
    const state = this.rooms.readState(summary.roomId)
    const read = readState(state, summary)
    // Folded once per version of the case, so a query compares words and nothing else.
    const fields = read.fields.map((field) => ({
      ...field,
      folded: foldForMatching(field.text),
    }))
    this.cache.set(summary.roomId, { stamp, fields, requester: read.requester })
    // Reading a log is the slow part: let main answer other calls between two of them.
    await new Promise((resolve) => setImmediate(resolve))
    return fields
  }

  private forgetRemoved(cases: readonly CaseSummary[]): void {
    const present = new Set(cases.map((summary) => summary.roomId))
    for (const roomId of this.cache.keys()) if (!present.has(roomId)) this.cache.delete(roomId)
  }
}

/**
 * The case's searchable text, and its ticket's requester to tell hits apart; the lobby's
 * summary stands in for a log without a case.
 */
function readState(
  state: Uint8Array | null,
  summary: CaseSummary,
): { fields: SearchField[]; requester: string } {
  const doc = new Y.Doc({ gc: false })
  try {
    if (state) Y.applyUpdate(doc, state)
    if (!isCaseInitialized(doc)) return { fields: headerFields(summary), requester: '' }
    const requester = readTicketSeen(doc)?.requester ?? ''
    const fields: SearchField[] = headerFields(readMeta(doc))
    for (const name of SECTION_NAMES) {
      fields.push({
        place: placeToString({ kind: 'section', section: name }),
        label: SECTION_TITLES[name],
        text: fragmentToPlainText(section(doc, name)),
        weight: 3,
      })
    }
    for (const entry of listActions(doc)) {
      fields.push({
        place: placeToString({ kind: 'action', id: entry.id }),
        label: `Timeline: ${ACTION_KIND_NAMES[entry.kind]}`,
        text: entry.outcome === '' ? entry.text : `${entry.text} (${entry.outcome})`,
        weight: 2,
      })
    }
    return { fields, requester }
  } finally {
    doc.destroy()
  }
}

function headerFields(meta: Pick<CaseSummary, 'title' | 'ticket' | 'customer'>): SearchField[] {
  return [
    { label: 'Title', text: meta.title, weight: 10 },
    { label: 'Ticket', text: [meta.ticket.id, meta.ticket.url].join(' ').trim(), weight: 8 },
    { label: 'Customer', text: meta.customer, weight: 6 },
  ]
}
