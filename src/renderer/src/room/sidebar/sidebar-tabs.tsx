import { UpdatesLog } from '../customer-update/updates-log'
import { HandoffPanel } from '../handoff/handoff-panel'
import { MembersPanel } from '../members/members-panel'
import { ExportsPanel } from '../export/exports-panel'
import type { RoomPanelProps } from './room-panel-props'
import { TicketPanel } from '../ticket/ticket-panel'
import { Timeline } from '../timeline/timeline'

export interface SidebarTab {
  id: string
  label: string
  render: (props: RoomPanelProps) => React.JSX.Element
}

/** The panels of the room's sidebar, in tab order. */
export const SIDEBAR_TABS: readonly SidebarTab[] = [
  { id: 'timeline', label: 'Timeline', render: (props) => <Timeline {...props} /> },
  { id: 'members', label: 'Members', render: (props) => <MembersPanel {...props} /> },
  { id: 'handoff', label: 'Handoff', render: (props) => <HandoffPanel {...props} /> },
  { id: 'updates', label: 'Updates', render: (props) => <UpdatesLog {...props} /> },
  { id: 'exports', label: 'Exports', render: (props) => <ExportsPanel {...props} /> },
  { id: 'ticket', label: 'Ticket', render: (props) => <TicketPanel {...props} /> },
]
