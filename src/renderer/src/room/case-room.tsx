import { useEffect } from 'react'
import type * as Y from 'yjs'
import { metaMap, readMeta } from '@shared/case/case-doc'
import { SECTION_NAMES, SECTION_TITLES } from '@shared/case/schema'
import type { Identity, Notice } from '@shared/ipc'
import type { UpdateSaver } from '@shared/room/update-saver'
import { swarmroom } from '../api'
import { Notices } from '../common/notices'
import { CaseHeader } from './case-header'
import { CustomerUpdateSection } from './customer-update/customer-update-section'
import { useApprovalWatch } from './customer-update/use-approval-watch'
import { SectionEditor } from './section-editor'
import { RoomSidebar } from './room-sidebar'

interface CaseRoomProps {
  roomId: string
  doc: Y.Doc
  saver: UpdateSaver
  notices: readonly Notice[]
  identity: Identity
  onLeave: () => void
}

/** One case: its header, the six rich-text sections, and the actions-taken timeline. */
export function CaseRoom(props: CaseRoomProps): React.JSX.Element {
  const { roomId, doc } = props
  useSummaryInLobby(roomId, doc)
  useApprovalWatch(doc, props.identity.memberId)
  return (
    <main className="room">
      <CaseHeader {...props} />
      <Notices notices={props.notices} />
      <div className="room__body">
        <div className="room__sections">
          {SECTION_NAMES.map((name) =>
            name === 'customerUpdate' ? (
              <CustomerUpdateSection key={name} doc={doc} identity={props.identity} />
            ) : (
              <SectionEditor
                key={name}
                name={name}
                title={SECTION_TITLES[name]}
                fragment={doc.getXmlFragment(name)}
              />
            ),
          )}
        </div>
        <RoomSidebar roomId={roomId} doc={doc} identity={props.identity} />
      </div>
    </main>
  )
}

/** Keeps the lobby's row for this case (title, ticket, status) in step with the document. */
function useSummaryInLobby(roomId: string, doc: Y.Doc): void {
  useEffect(() => {
    const meta = metaMap(doc)
    const report = (): void => {
      const { title, ticket, customer, priority, status, swarmType } = readMeta(doc)
      if (title.trim().length === 0) return
      void swarmroom.cases.updateSummary({
        roomId,
        title,
        ticket,
        customer,
        priority,
        status,
        swarmType,
      })
    }
    meta.observe(report)
    return () => meta.unobserve(report)
  }, [roomId, doc])
}
