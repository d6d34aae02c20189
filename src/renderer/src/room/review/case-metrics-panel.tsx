import type * as Y from 'yjs'
import { caseMetrics } from '@shared/case/metrics'

/** The review's figures, from the case document alone. */
export function CaseMetricsPanel({ doc }: { doc: Y.Doc }): React.JSX.Element {
  const metrics = caseMetrics(doc)
  const rows: [string, string][] = [
    ['Time to first customer update', duration(metrics.timeToFirstUpdate, 'No update sent yet')],
    ['Time to resolve', duration(metrics.timeToResolve, 'Not resolved yet')],
    ['Contributors', String(metrics.contributors)],
    ['Handoffs', String(metrics.handoffs)],
    ['Updates sent', String(metrics.updatesSent)],
  ]
  return (
    <section className="review-panel" aria-labelledby="metrics-heading">
      <h3 id="metrics-heading">Case metrics</h3>
      <dl className="case-metrics">
        {rows.map(([term, value]) => (
          <div key={term} className="case-metrics__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

/** "2 h 15 min", "3 days 4 h": precise enough for a review, readable at a glance. */
export function duration(milliseconds: number | null, missing: string): string {
  if (milliseconds === null) return missing
  const minutes = Math.max(0, Math.round(milliseconds / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
  const days = Math.floor(hours / 24)
  const unit = days === 1 ? 'day' : 'days'
  return hours % 24 === 0 ? `${days} ${unit}` : `${days} ${unit} ${hours % 24} h`
}
