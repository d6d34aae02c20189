import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { CaseSummary } from '@shared/ipc'
import type { CaseSort, SortKey } from '@shared/lobby/case-views'
import { CaseRow } from './case-row'
import { SortHeader } from './sort-header'

interface CaseListProps {
  /** The cases of the view, in the order shown. */
  cases: readonly CaseSummary[]
  sort: CaseSort
  onSort: (key: SortKey) => void
  onOpen: (roomId: string) => void
  now: Date
}

/** A case with a title, a line of details and badges. */
const ESTIMATED_ROW_HEIGHT = 58
/** Rows kept in the page beyond each edge, so Tab reaches the next one before it scrolls in. */
const OVERSCAN = 8
const COLUMNS = 7

/**
 * The lobby's table, rendered only near the part in view: a team with 1,000 cases otherwise
 * builds and lays out 1,000 rows on every sort and filter. Rows out of view are replaced by
 * two spacer rows, so the table keeps its height and its scroll bar; `aria-rowcount` and
 * `aria-rowindex` tell a screen reader how many rows there are and where it is.
 */
export function CaseList({ cases, sort, onSort, onOpen, now }: CaseListProps): React.JSX.Element {
  const scroller = useRef<HTMLDivElement>(null)
  // Nothing here is compiled by React Compiler; the virtualizer is read afresh every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: cases.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => cases[index]?.roomId ?? index,
  })
  const items = virtualizer.getVirtualItems()
  const before = items[0]?.start ?? 0
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)

  return (
    <div className="case-list__scroller" ref={scroller}>
      <table className="case-list" aria-labelledby="cases-heading" aria-rowcount={cases.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <SortHeader label="Case" column="title" sort={sort} onSort={onSort} />
            <SortHeader label="Priority" column="priority" sort={sort} onSort={onSort} />
            <SortHeader label="Owner" column="owner" sort={sort} onSort={onSort} />
            <SortHeader label="Status" column="status" sort={sort} onSort={onSort} />
            <SortHeader label="Customer waiting" column="waiting" sort={sort} onSort={onSort} />
            <SortHeader label="Changes" column="unread" sort={sort} onSort={onSort} />
            <SortHeader label="Last activity" column="lastActivity" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {before > 0 && <Spacer height={before} />}
          {items.map((virtual) => {
            const item = cases[virtual.index]
            if (!item) return null
            return (
              <CaseRow
                key={item.roomId}
                item={item}
                now={now}
                onOpen={onOpen}
                index={virtual.index}
                rowIndex={virtual.index + 2}
                measure={virtualizer.measureElement}
              />
            )
          })}
          {after > 0 && <Spacer height={after} />}
        </tbody>
      </table>
    </div>
  )
}

/** Stands in for the rows out of view; nothing in it to read. */
function Spacer({ height }: { height: number }): React.JSX.Element {
  return (
    <tr className="case-list__spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={COLUMNS} />
    </tr>
  )
}
