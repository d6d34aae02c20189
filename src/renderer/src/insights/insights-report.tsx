/** The report on screen: totals, the three charts and the table, for one grouping. */
import { useMemo } from 'react'
import { durationText } from '@shared/case/waiting-time'
import type { InsightGrouping, InsightsReport, InsightsRow } from '@shared/channels/insights'
import { BarChart } from './bar-chart'
import { GROUPINGS, duration, inOneUnit, perCase, share, weekLabel } from './insights-format'

export function Report({
  report,
  groupBy,
}: {
  report: InsightsReport
  groupBy: InsightGrouping
}): React.JSX.Element {
  const { total, rows } = report
  const labels = useMemo(
    () => rows.map((row) => (groupBy === 'week' ? weekLabel(row.key) : row.label)),
    [rows, groupBy],
  )
  const counts = useMemo(() => rows.map((row) => row.cases), [rows])
  const firstUpdate = useMemo(
    () => inOneUnit(rows.map((row) => row.medianTimeToFirstUpdate)),
    [rows],
  )
  const resolve = useMemo(() => inOneUnit(rows.map((row) => row.medianTimeToResolve)), [rows])
  if (total.cases === 0) {
    return <p className="insights__empty">No case on this computer matches these choices.</p>
  }
  return (
    <>
      {report.unreadable.length > 0 && (
        <p role="alert" className="notice">
          Not counted, because their saved file could not be read: {report.unreadable.join(', ')}.
        </p>
      )}
      <section aria-labelledby="insights-totals" className="insights__totals">
        <h2 id="insights-totals" className="visually-hidden">
          Totals
        </h2>
        <Tile
          label="Cases"
          value={String(total.cases)}
          detail={`${report.statuses.resolved + report.statuses.reviewed} resolved`}
        />
        <Tile
          label="Time to first customer update"
          value={duration(total.medianTimeToFirstUpdate)}
          detail="median"
        />
        <Tile label="Time to resolve" value={duration(total.medianTimeToResolve)} detail="median" />
        <Tile
          label="Updates on cadence"
          value={share(total.onCadenceShare)}
          detail="within 4 h of the one before"
        />
        <Tile label="Hand-offs" value={perCase(total.handoffsPerCase)} detail="per case" />
        <Tile label="Escalations" value={perCase(total.escalationsPerCase)} detail="per case" />
        <Tile
          label="Reopened"
          value={String(total.reopened)}
          detail={total.reopened === 1 ? 'case' : 'cases'}
        />
      </section>
      <section aria-labelledby="insights-charts" className="insights__charts">
        <h2 id="insights-charts" className="visually-hidden">
          Charts
        </h2>
        <BarChart
          title={`Cases by ${GROUPINGS[groupBy].toLowerCase()}`}
          labels={labels}
          values={counts}
          unit=""
        />
        <BarChart
          title="Median time to first customer update"
          labels={labels}
          values={firstUpdate.values}
          unit={firstUpdate.unit}
        />
        <BarChart
          title="Median time to resolve"
          labels={labels}
          values={resolve.values}
          unit={resolve.unit}
        />
      </section>
      <section aria-labelledby="insights-table">
        <h2 id="insights-table" className="insights__heading">
          By {GROUPINGS[groupBy].toLowerCase()}
        </h2>
        <p className="insights__note">
          Times are medians over the cases that got that far; hand-offs and escalations are per
          case; time taken adds up each case from opening to resolution, or to now while open.
        </p>
        <div
          className="insights__table-scroll"
          tabIndex={0}
          role="region"
          aria-label={`Figures by ${GROUPINGS[groupBy].toLowerCase()}`}
        >
          <table className="insights__table">
            <thead>
              <tr>
                <th scope="col">{GROUPINGS[groupBy]}</th>
                <th scope="col">Cases</th>
                <th scope="col">First update</th>
                <th scope="col">Resolved in</th>
                <th scope="col">Time taken</th>
                <th scope="col">Hand-offs</th>
                <th scope="col">Escalations</th>
                <th scope="col">On cadence</th>
                <th scope="col">Reopened</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row key={row.key} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}

function Row({ row }: { row: InsightsRow }): React.JSX.Element {
  return (
    <tr>
      <th scope="row">{row.label}</th>
      <td>{row.cases}</td>
      <td>{duration(row.medianTimeToFirstUpdate)}</td>
      <td>{duration(row.medianTimeToResolve)}</td>
      <td>{durationText(row.timeOpen)}</td>
      <td>{perCase(row.handoffsPerCase)}</td>
      <td>{perCase(row.escalationsPerCase)}</td>
      <td>{share(row.onCadenceShare)}</td>
      <td>{row.reopened}</td>
    </tr>
  )
}

function Tile({
  label,
  value,
  detail,
}: {
  label: string
  value: string
  detail: string
}): React.JSX.Element {
  return (
    <div className="insights__tile">
      <span className="insights__tile-label">{label}</span>
      <span className="insights__tile-value">{value}</span>
      <span className="insights__tile-detail">{detail}</span>
    </div>
  )
}
