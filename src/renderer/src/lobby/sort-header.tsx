import type { CaseSort, SortKey } from '@shared/lobby/case-views'

interface SortHeaderProps {
  label: string
  column: Exclude<SortKey, 'urgency'>
  sort: CaseSort
  onSort: (column: SortKey) => void
}

/**
 * A column heading that sorts the lobby by its column: a button, so a keyboard reaches it, and
 * `aria-sort` on the sorted column only, as the ARIA table pattern asks.
 */
export function SortHeader({ label, column, sort, onSort }: SortHeaderProps): React.JSX.Element {
  const active = sort.key === column
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined}>
      <button type="button" className="sort-header" onClick={() => onSort(column)}>
        {label}
        <span className="sort-header__arrow" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  )
}
