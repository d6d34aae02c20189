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
import type { InsightGrouping, InsightsFilter, InsightsReport } from '@shared/channels/insights'
import { swarmroom } from '../api'
import { DAY, GROUPINGS } from './insights-format'
import { Report } from './insights-report'
import './insights.css'

const RANGES = { '28': 'Last 4 weeks', '91': 'Last 13 weeks', all: 'All time' } as const
type Range = keyof typeof RANGES

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

function cases(count: number): string {
  return count === 1 ? '1 case' : `${count} cases`
}
