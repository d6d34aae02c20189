/** The insights' cases as a CSV file, one line a case, for a spreadsheet. */
import { CASE_STATUS_NAMES, PRIORITY_NAMES, SWARM_TYPE_NAMES } from '../case/schema'
import type { CaseFigures } from './case-figures'

const MINUTE = 60_000

const COLUMNS: [heading: string, value: (caseFigures: CaseFigures) => string | number | null][] = [
  ['Case', (figures) => figures.title],
  ['Opened (UTC)', (figures) => figures.createdAt],
  ['Swarm type', (figures) => SWARM_TYPE_NAMES[figures.swarmType]],
  ['Priority', (figures) => PRIORITY_NAMES[figures.priority]],
  ['Status', (figures) => CASE_STATUS_NAMES[figures.status]],
  ['Causes', (figures) => figures.causes.join('; ')],
  ['Minutes to first update', (figures) => minutes(figures.timeToFirstUpdate)],
  ['Minutes to resolve', (figures) => minutes(figures.timeToResolve)],
  ['Minutes open', (figures) => minutes(figures.timeOpen)],
  ['Handoffs', (figures) => figures.handoffs],
  ['Escalations', (figures) => figures.escalations],
  ['Updates sent', (figures) => figures.updatesSent],
  ['Updates on cadence', (figures) => figures.updatesOnCadence],
  ['Updates late', (figures) => figures.updatesLate],
  ['Reopened', (figures) => figures.reopened],
]

export function figuresCsv(figures: readonly CaseFigures[]): string {
  const lines = [COLUMNS.map(([heading]) => heading)]
  for (const caseFigures of figures)
    lines.push(COLUMNS.map(([, value]) => cell(value(caseFigures))))
  // CRLF, as RFC 4180 has it and spreadsheets expect.
  return lines.map((line) => line.map(quoted).join(',')).join('\r\n') + '\r\n'
}

function minutes(duration: number | null): number | null {
  return duration === null ? null : Math.round(duration / MINUTE)
}

function cell(value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  // A title a teammate typed as "=HYPERLINK(…)" must stay text when a spreadsheet opens the file.
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function quoted(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}
