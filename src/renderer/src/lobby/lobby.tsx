import { useEffect, useState } from 'react'
import type { CaseSummary, Identity, Notice } from '@shared/ipc'
import { swarmroom } from '../api'
import { Notices } from '../common/notices'
import { CaseList } from './case-list'
import { CaseSearch } from './case-search'
import { NewCaseDialog } from './new-case-dialog'
import { YouBadge } from '../common/you-badge'

interface LobbyProps {
  identity: Identity
  /** Opens a case; `place` is where in it (a search hit's section or timeline entry). */
  onOpen: (roomId: string, place?: string) => void
  onSettings: () => void
  onInsights: () => void
  onJoin: () => void
}

/** The list of this computer's cases, newest activity first, and the way to start a new one. */
export function Lobby(props: LobbyProps): React.JSX.Element {
  const { identity, onOpen, onSettings, onJoin } = props
  const [cases, setCases] = useState<CaseSummary[]>()
  const [notices, setNotices] = useState<Notice[]>([])
  const [creating, setCreating] = useState(false)
  const [showArchived, setShowArchived] = useState(false)

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

  const visible = cases?.filter((item) => showArchived || !item.archived)
  const archivedCount = cases?.filter((item) => item.archived).length ?? 0

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
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(event) => setShowArchived(event.target.checked)}
            />
            Show archived ({archivedCount})
          </label>
          <button className="button" onClick={onJoin}>
            Join with a link
          </button>
          <button className="button button--primary" onClick={() => setCreating(true)}>
            New case
          </button>
        </div>
        {visible === undefined ? (
          <p className="loading">Loading cases…</p>
        ) : (
          <CaseList cases={visible} onOpen={onOpen} />
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
