/**
 * The leads' insights, computed on this computer from the cases saved on it: each case's
 * figures are read from its room log once and kept until the log changes on disk (as search
 * does), so a dashboard over 1,000 cases reads each log once and then only what changed.
 */
import * as Y from 'yjs'
import { isCaseInitialized } from '@shared/case/case-doc'
import type { InsightsFilter, InsightsReport, InsightsRequest } from '@shared/channels/insights'
import type { CaseSummary } from '@shared/ipc'
import {
  caseFacts,
  caseFigures,
  type CaseFacts,
  type CaseFigures,
} from '@shared/insights/case-figures'
import { figuresCsv } from '@shared/insights/figures-csv'
import { filterFigures, insightsReport } from '@shared/insights/report'
import type { SaveFile } from '../ports'
import { logStamp } from '../storage/log-stamp'
import type { RoomStore } from '../storage/room-store'

interface CachedFacts {
  stamp: string
  /** Null for a log without a case in it yet (joined, nothing received). */
  facts: CaseFacts | null
}

interface ReadFigures {
  figures: CaseFigures[]
  unreadable: string[]
}

export class CaseInsights {
  private readonly cache = new Map<string, CachedFacts>()

  constructor(
    private readonly rooms: RoomStore,
    /** The cases on this computer (the lobby's list). */
    private readonly cases: () => readonly CaseSummary[],
    private readonly saveFile: SaveFile,
    private readonly now: () => Date,
  ) {}

  async report({ groupBy, filter }: InsightsRequest): Promise<InsightsReport> {
    const { figures, unreadable } = await this.readAll()
    return insightsReport(figures, groupBy, filter, unreadable)
  }

  /** Saves the filtered cases' figures where the user chooses. */
  async saveCsv(filter: InsightsFilter): Promise<{ saved: boolean; path: string; cases: number }> {
    const chosen = filterFigures((await this.readAll()).figures, filter)
    const day = this.now().toISOString().slice(0, 10)
    const path = await this.saveFile({
      suggestedName: `swarmroom-insights-${day}.csv`,
      content: figuresCsv(chosen),
      format: 'csv',
    })
    return { saved: path !== null, path: path ?? '', cases: chosen.length }
  }

  private async readAll(): Promise<ReadFigures> {
    const cases = this.cases()
    const present = new Set(cases.map((summary) => summary.roomId))
    for (const roomId of this.cache.keys()) if (!present.has(roomId)) this.cache.delete(roomId)
    const now = this.now()
    const figures: CaseFigures[] = []
    const unreadable: string[] = []
    for (const summary of cases) {
      try {
        const facts = await this.factsOf(summary)
        if (facts) figures.push(caseFigures(facts, summary.archived, now))
      } catch (error) {
        console.warn(`insights could not read case ${summary.roomId}`, error)
        unreadable.push(summary.title)
      }
    }
    return { figures, unreadable }
  }

  private async factsOf(summary: CaseSummary): Promise<CaseFacts | null> {
    const stamp = logStamp(this.rooms.pathOf(summary.roomId))
    const cached = this.cache.get(summary.roomId)
    if (cached && cached.stamp === stamp) return cached.facts
    const state = this.rooms.readState(summary.roomId)
    const doc = new Y.Doc({ gc: false })
    try {
      if (state) Y.applyUpdate(doc, state)
      const facts = isCaseInitialized(doc) ? caseFacts(doc, summary.roomId) : null
      this.cache.set(summary.roomId, { stamp, facts })
      // Reading a log is the slow part: let main answer other calls between two of them.
      await new Promise((resolve) => setImmediate(resolve))
      return facts
    } finally {
      doc.destroy()
    }
  }
}
