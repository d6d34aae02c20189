/**
 * The leads' insights: how swarms go across the cases on this computer (time to the first
 * customer update and to resolution, hand-offs, escalations, updates on cadence, reopened
 * cases), by week, swarm type, priority or cause. Worked out in main from the saved cases;
 * nothing leaves this computer.
 */
import { useEffect, useId, useMemo, useState } from 'react'
import {
  PRIORITY_NAMES,
  SWARM_TYPE_NAMES,
  type Priority,
  type SwarmType,
} from '@shared/case/schema'
import { durationText } from '@shared/case/waiting-time'
import type {
  InsightGrouping,
  InsightsFilter,
  InsightsReport,
  InsightsRow,
} from '@shared/channels/insights'
import { swarmroom } from '../api'
import { BarChart } from './bar-chart'
import './insights.css'

const GROUPINGS: Record<InsightGrouping, string> = {
  week: 'Week',
  swarmType: 'Swarm type',
  priority: 'Priority',
  cause: 'Cause',
}

const RANGES = { '28': 'Last 4 weeks', '91': 'Last 13 weeks', all: 'All time' } as const
type Range = keyof typeof RANGES

const DAY = 86_400_000

const SWARM_TYPE_CHOICES = {
  '': 'All types',
  ...SWARM_TYPE_NAMES,
} satisfies Record<SwarmType | '', string>
const PRIORITY_CHOICES = { '': 'All priorities', ...PRIORITY_NAMES } satisfies Record<
  Priority | '',
  string
>

interface Choices {
  groupBy: InsightGrouping
  range: Range
  swarmType: SwarmType | ''
  priority: Priority | ''
  cause: string
  includeArchived: boolean
}

export function InsightsPage({ onClose }: { onClose: () => void }): React.JSX.Element {
  const [choices, setChoices] = useState<Choices>({
    groupBy: 'week',
    range: '91',
    swarmType: '',
    priority: '',
    cause: '',
    includeArchived: true,
  })
  const filter = useMemo(() => filterOf(choices), [choices])
  const { report, error } = useReport(choices.groupBy, filter)
  const [saved, setSaved] = useState<string>()
  const choose = (change: Partial<Choices>): void => {
    setSaved(undefined)
    setChoices((current) => ({ ...current, ...change }))
  }

  const saveCsv = async (): Promise<void> => {
    const result = await swarmroom.insights.saveCsv({ filter })
    if (!result.ok) setSaved(`The file was not saved: ${result.error.message}`)
    else if (result.value.saved) {
      setSaved(`Saved ${cases(result.value.cases)} to ${result.value.path}.`)
    }
  }

  return (
    <main className="insights">
      <header className="topbar">
        <button className="button button--quiet" onClick={onClose}>
          ← Cases
        </button>
        <h1 className="brand">Insights</h1>
        <span className="insights__local">
          Worked out on this computer from the cases saved here
        </span>
      </header>
      <div className="insights__body">
        <form
          className="insights__filters"
          aria-label="What to count"
          onSubmit={(event) => event.preventDefault()}
        >
          <Select
            label="Group by"
            value={choices.groupBy}
            options={GROUPINGS}
            onChange={(groupBy) => choose({ groupBy })}
          />
          <Select
            label="Opened"
            value={choices.range}
            options={RANGES}
            onChange={(range) => choose({ range })}
          />
          <Select
            label="Swarm type"
            value={choices.swarmType}
            options={SWARM_TYPE_CHOICES}
            onChange={(swarmType) => choose({ swarmType })}
          />
          <Select
            label="Priority"
            value={choices.priority}
            options={PRIORITY_CHOICES}
            onChange={(priority) => choose({ priority })}
          />
          <Select
            label="Cause"
            value={choices.cause}
            options={{
              '': 'All causes',
              ...Object.fromEntries(
                (report?.causes ?? []).map(({ cause, cases: count }) => [
                  cause,
                  `${cause} (${count})`,
                ]),
              ),
              ...(choices.cause ? { [choices.cause]: choices.cause } : {}),
            }}
            onChange={(cause) => choose({ cause })}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={choices.includeArchived}
              onChange={(event) => choose({ includeArchived: event.target.checked })}
            />
            Include archived cases
          </label>
          <button
            type="button"
            className="button"
            onClick={() => void saveCsv()}
            disabled={!report}
          >
            Save as CSV
          </button>
        </form>
        <p role="status" className="insights__saved">
          {saved}
        </p>
        {error && (
          <p role="alert" className="notice notice--error">
            {error}
          </p>
        )}
        {!report && !error && <p className="loading">Reading the cases on this computer…</p>}
        {report && <Report report={report} groupBy={choices.groupBy} />}
      </div>
    </main>
  )
}

function Report({
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

function Select<V extends string>(props: {
  label: string
  value: V
  options: Record<V, string>
  onChange: (value: V) => void
}): React.JSX.Element {
  const id = useId()
  return (
    <div className="field insights__field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as V)}
      >
        {(Object.entries(props.options) as [V, string][]).map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The report for the choices, read again whenever they change; a late answer is dropped. */
function useReport(
  groupBy: InsightGrouping,
  filter: InsightsFilter,
): { report: InsightsReport | undefined; error: string | undefined } {
  const [state, setState] = useState<{ report?: InsightsReport; error?: string }>({})
  useEffect(() => {
    let current = true
    void swarmroom.insights.report({ groupBy, filter }).then((result) => {
      if (!current) return
      // The figures on screen stay until new ones are ready, rather than flickering.
      setState((shown) =>
        result.ok ? { report: result.value } : { ...shown, error: result.error.message },
      )
    })
    return () => {
      current = false
    }
  }, [groupBy, filter])
  return { report: state.report, error: state.error }
}

function filterOf(choices: Choices): InsightsFilter {
  return {
    includeArchived: choices.includeArchived,
    ...(choices.range === 'all'
      ? {}
      : { since: new Date(Date.now() - Number(choices.range) * DAY).toISOString().slice(0, 10) }),
    ...(choices.swarmType ? { swarmTypes: [choices.swarmType] } : {}),
    ...(choices.priority ? { priorities: [choices.priority] } : {}),
    ...(choices.cause ? { cause: choices.cause } : {}),
  }
}

function duration(value: number | null): string {
  return value === null ? '—' : durationText(value)
}

/**
 * Durations for a chart, all in the unit that reads best for the largest: minutes up to two
 * hours, then hours (one decimal below ten), then days.
 */
function inOneUnit(values: readonly (number | null)[]): {
  values: (number | null)[]
  unit: string
} {
  const largest = Math.max(0, ...values.map((value) => value ?? 0))
  const [unit, size] =
    largest <= 2 * 3_600_000
      ? ['min', 60_000]
      : largest <= 2 * DAY
        ? ['h', 3_600_000]
        : ['days', DAY]
  const round = (value: number): number =>
    unit === 'min' ? Math.round(value / size) : Math.round((value / size) * 10) / 10
  return { values: values.map((value) => (value === null ? null : round(value))), unit }
}

const WEEK_LABEL = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})

/** `30 Nov` for the week starting on 2026-11-30, short enough to stand under a bar. */
function weekLabel(monday: string): string {
  const time = Date.parse(monday)
  return Number.isFinite(time) ? WEEK_LABEL.format(time) : 'Unknown week'
}

function share(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`
}

function perCase(value: number): string {
  return value.toFixed(1)
}

function cases(count: number): string {
  return count === 1 ? '1 case' : `${count} cases`
}
