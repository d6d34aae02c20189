import { ExportsPanel } from './export/exports-panel'
import type { RoomPanelProps } from './room-panel-props'
import { Timeline } from './timeline'

export interface SidebarTab {
  id: string
  label: string
  render: (props: RoomPanelProps) => React.JSX.Element
}

/** The panels of the room's sidebar, in tab order. */
export const SIDEBAR_TABS: readonly SidebarTab[] = [
  { id: 'timeline', label: 'Timeline', render: (props) => <Timeline {...props} /> },
  { id: 'exports', label: 'Exports', render: (props) => <ExportsPanel {...props} /> },
]
