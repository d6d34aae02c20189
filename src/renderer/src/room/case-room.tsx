import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { metaMap, readMeta } from '@shared/case/case-doc'
import { SECTION_NAMES, SECTION_TITLES } from '@shared/case/schema'
import type { Identity, Notice } from '@shared/ipc'
import type { UpdateSaver } from '@shared/room/update-saver'
import { swarmroom } from '../api'
import { usePlaceRequests } from '../case-places'
import { Notices } from '../common/notices'
import { ReviewMode } from '../review/review-mode'
import { CaseHeader } from './case-header'
import { SectionEditor } from './section-editor'
import { RoomSidebar } from './room-sidebar'
import { showPlace } from './show-place'
import { useCaseAlerts } from './use-case-alerts'
import { useTypingSnapshots } from './use-typing-snapshots'

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
  const { roomId, doc, identity } = props
  const [reviewing, setReviewing] = useState(false)
  useSummaryInLobby(roomId, doc)
  useTypingSnapshots(doc, identity)
  useCaseAlerts(roomId, doc, identity.memberId)
  usePlaceRequests(roomId, (place) => {
    setReviewing(false)
    // After review mode has given the page back to the room.
    requestAnimationFrame(() => showPlace(place))
  })
  return (
    <main className="room">
      <CaseHeader {...props} reviewing={reviewing} onReview={() => setReviewing(!reviewing)} />
      <Notices notices={props.notices} />
      {reviewing && <ReviewMode doc={doc} identity={identity} />}
      {/* Hidden, not removed, during review: the room keeps its panels and drafts as they were. */}
      <div className="room__body" hidden={reviewing}>
        <div className="room__sections">
          {SECTION_NAMES.map((name) => (
            <SectionEditor
              key={name}
              name={name}
              title={SECTION_TITLES[name]}
              fragment={doc.getXmlFragment(name)}
            />
          ))}
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
