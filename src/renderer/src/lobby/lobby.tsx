import { useEffect, useMemo, useState } from 'react'
import type { CaseSummary, Identity, Notice } from '@shared/ipc'
import {
  ALL_OPEN,
  MOST_URGENT_FIRST,
  facetCounts,
  filterCases,
  inView,
  nextSort,
  sortCases,
  viewCounts,
  type CaseFilter,
  type CaseSort,
} from '@shared/lobby/case-views'
import { swarmroom } from '../api'
import { Notices } from '../common/notices'
import { useNow } from '../room/hooks/use-now'
import { CaseList } from './case-list'
import { CaseSearch } from './case-search'
import { CaseViewsBar } from './case-views-bar'
import { EmptyLobby } from './empty-lobby'
import { NewCaseDialog } from './new-case-dialog'
import { YouBadge } from '../common/you-badge'
import './lobby.css'

interface LobbyProps {
  identity: Identity
  /** Opens a case; `place` is where in it (a search hit's section or timeline entry). */
  onOpen: (roomId: string, place?: string) => void
  onSettings: () => void
  onInsights: () => void
  onJoin: () => void
}

/** This computer's cases, the most urgent first, and the ways to start or join one. */
export function Lobby(props: LobbyProps): React.JSX.Element {
  const { identity, onOpen, onSettings, onJoin } = props
  const [cases, setCases] = useState<CaseSummary[]>()
  const [notices, setNotices] = useState<Notice[]>([])
  const [creating, setCreating] = useState(false)
  const [filter, setFilter] = useState<CaseFilter>(ALL_OPEN)
  const [sort, setSort] = useState<CaseSort>(MOST_URGENT_FIRST)
  // Waiting times and "overdue" move on with the clock, not only when a case changes.
  const now = useNow(30_000)

  useEffect(() => {
    let cancelled = false
    void loadLobby().then((loaded) => {
      if (cancelled) return
      setCases(loaded.cases)
      setNotices(loaded.notices)
    })
    // Live: a teammate's edit in a case syncing in the background marks it unread here.
    const stop = swarmroom.events.on('cases:changed', () => {
      void swarmroom.cases.list().then((list) => {
        if (!cancelled && list.ok) setCases(list.value)
      })
    })
    return () => {
      cancelled = true
      stop()
    }
  }, [])

  const me = identity.memberId
  const counts = useMemo(() => viewCounts(cases ?? [], me, now), [cases, me, now])
  const facets = useMemo(
    () => facetCounts((cases ?? []).filter((item) => inView(item, filter.view, me, now))),
    [cases, filter.view, me, now],
  )
  const shown = useMemo(
    () => sortCases(filterCases(cases ?? [], filter, me, now), sort, now),
    [cases, filter, sort, me, now],
  )
  const empty = cases !== undefined && cases.length === 0

  return (
    <main className="lobby">
      <header className="topbar">
        <h1 className="brand">Swarmroom</h1>
        <YouBadge name={identity.name} />
        <button className="button button--quiet" onClick={props.onInsights}>
          Insights
        </button>
        <button className="button button--quiet" onClick={onSettings}>
          Settings
        </button>
      </header>
      <Notices notices={notices} />
      <section className="lobby__body" aria-labelledby="cases-heading">
        <CaseSearch onOpen={onOpen} />
        <div className="lobby__toolbar">
          <h2 id="cases-heading">Your cases</h2>
          {!empty && (
            <>
              {sort !== MOST_URGENT_FIRST && (
                <button className="button button--quiet" onClick={() => setSort(MOST_URGENT_FIRST)}>
                  Most urgent first
                </button>
              )}
              <button className="button" onClick={onJoin}>
                Join with a link
              </button>
              <button className="button button--primary" onClick={() => setCreating(true)}>
                New case
              </button>
            </>
          )}
        </div>
        {cases === undefined && <p className="loading">Loading cases…</p>}
        {empty && <EmptyLobby onNewCase={() => setCreating(true)} onJoin={onJoin} />}
        {cases !== undefined && !empty && (
          <>
            <CaseViewsBar
              filter={filter}
              onFilter={setFilter}
              counts={counts}
              facets={facets}
              viewSize={counts[filter.view]}
            />
            <p className="lobby__showing" role="status">
              {shown.length === counts[filter.view]
                ? `${shown.length} ${shown.length === 1 ? 'case' : 'cases'}`
                : `${shown.length} of ${counts[filter.view]} cases`}
              {sort === MOST_URGENT_FIRST && ', most urgent first'}
            </p>
            {shown.length === 0 ? (
              <p className="lobby__none">No case here. Choose another view or filter.</p>
            ) : (
              <CaseList
                cases={shown}
                sort={sort}
                onSort={(key) => setSort((current) => nextSort(current, key))}
                onOpen={onOpen}
                now={now}
              />
            )}
          </>
        )}
      </section>
      {creating && (
        <NewCaseDialog
          onCancel={() => setCreating(false)}
          onCreated={(summary) => {
            setCreating(false)
            // The room opens with the keyboard in the summary, ready to write.
            onOpen(summary.roomId, 'section:summary')
          }}
        />
      )}
    </main>
  )
}

async function loadLobby(): Promise<{ cases: CaseSummary[]; notices: Notice[] }> {
  const [list, appNotices] = await Promise.all([swarmroom.cases.list(), swarmroom.app.notices()])
  const failures: Notice[] = list.ok
    ? []
    : [{ id: 'cases-list', level: 'error', message: list.error.message }]
  return {
    cases: list.ok ? list.value : [],
    notices: [...(appNotices.ok ? appNotices.value : []), ...failures],
  }
}
