import { useRef, useState, type KeyboardEvent } from 'react'
import { ErrorBoundary } from '../../common/error-boundary'
import type { RoomPanelProps } from './room-panel-props'
import { SIDEBAR_TABS } from './sidebar-tabs'
import './room-sidebar.css'

/** The room's right-hand column: one tab per panel; arrow keys move between tabs. */
export function RoomSidebar(props: RoomPanelProps): React.JSX.Element {
  const [selected, setSelected] = useState(SIDEBAR_TABS[0]?.id ?? '')
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const current = SIDEBAR_TABS.find((tab) => tab.id === selected) ?? SIDEBAR_TABS[0]

  function onKeyDown(event: KeyboardEvent, index: number): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const next = (index + step + SIDEBAR_TABS.length) % SIDEBAR_TABS.length
    const tab = SIDEBAR_TABS[next]
    if (!tab) return
    setSelected(tab.id)
    tabs.current[next]?.focus()
  }

  return (
    <aside className="room-sidebar">
      <div className="room-sidebar__tabs" role="tablist" aria-label="Case panels">
        {SIDEBAR_TABS.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              tabs.current[index] = element
            }}
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === current?.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === current?.id ? 0 : -1}
            className="room-sidebar__tab"
            onClick={() => setSelected(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current && (
        <div
          className="room-sidebar__panel"
          role="tabpanel"
          id={`panel-${current.id}`}
          aria-labelledby={`tab-${current.id}`}
        >
          <ErrorBoundary key={current.id} label={current.label}>
            {current.render(props)}
          </ErrorBoundary>
        </div>
      )}
    </aside>
  )
}
