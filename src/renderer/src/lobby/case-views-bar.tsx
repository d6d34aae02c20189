import {
  CASE_STATUSES,
  CASE_STATUS_NAMES,
  SWARM_TYPES,
  SWARM_TYPE_NAMES,
  type CaseStatus,
  type SwarmType,
} from '@shared/case/schema'
import {
  CASE_VIEWS,
  CASE_VIEW_NAMES,
  type CaseFilter,
  type CaseView,
  type FacetCounts,
} from '@shared/lobby/case-views'

interface CaseViewsBarProps {
  filter: CaseFilter
  onFilter: (filter: CaseFilter) => void
  counts: Record<CaseView, number>
  /** Counts within the chosen view, for the status and swarm-type menus. */
  facets: FacetCounts
  viewSize: number
}

/** The saved views with their counts, and the status and swarm-type filters within a view. */
export function CaseViewsBar(props: CaseViewsBarProps): React.JSX.Element {
  const { filter, onFilter, counts, facets, viewSize } = props
  return (
    <div className="case-views">
      <div className="case-views__views" role="group" aria-label="Views">
        {CASE_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            className="case-view"
            aria-pressed={filter.view === view}
            onClick={() => onFilter({ ...filter, view })}
          >
            {CASE_VIEW_NAMES[view]}
            <span className="case-view__count">{counts[view]}</span>
          </button>
        ))}
      </div>
      {/* Labels beside their menus, not around them: a label's text stays just its name. */}
      <span className="case-views__filter">
        <label htmlFor="case-filter-status">Status</label>
        <select
          id="case-filter-status"
          value={filter.status}
          onChange={(event) =>
            onFilter({ ...filter, status: event.target.value as CaseStatus | 'any' })
          }
        >
          <option value="any">Any status ({viewSize})</option>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {CASE_STATUS_NAMES[status]} ({facets.status[status]})
            </option>
          ))}
        </select>
      </span>
      <span className="case-views__filter">
        <label htmlFor="case-filter-swarm-type">Swarm type</label>
        <select
          id="case-filter-swarm-type"
          value={filter.swarmType}
          onChange={(event) =>
            onFilter({ ...filter, swarmType: event.target.value as SwarmType | 'any' })
          }
        >
          <option value="any">Any swarm type ({viewSize})</option>
          {SWARM_TYPES.map((type) => (
            <option key={type} value={type}>
              {SWARM_TYPE_NAMES[type]} ({facets.swarmType[type]})
            </option>
          ))}
        </select>
      </span>
    </div>
  )
}
