import { useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { isCaseInitialized, metaMap, readMeta } from '@shared/case/case-doc'
import { membersMap, readMembers } from '@shared/case/members'
import { memberColorSlots, shownColor } from '@shared/case/member-colors'
import { SECTION_NAMES, SECTION_TITLES } from '@shared/case/schema'
import { sectionPrompt } from '@shared/case/templates'
import type { Identity, Notice } from '@shared/ipc'
import type { UpdateSaver } from '@shared/room/update-saver'
import type { LiveRoom } from '../sync/live-room'
import { usePlaceRequests } from '../case-places'
import { ErrorBoundary } from '../common/error-boundary'
import { Notices } from '../common/notices'
import { BackToCases } from './back-to-cases'
import { ReviewMode } from './review/review-mode'
import { CaseHeader } from './header/case-header'
import { CustomerUpdateSection } from './customer-update/customer-update-section'
import { useApprovalWatch } from './customer-update/use-approval-watch'
import { SectionEditor } from './sections/section-editor'
import { ExportAuthBanner } from './export/export-auth-banner'
import { MovedNotice } from './invite/moved-notice'
import { RoomSidebar } from './sidebar/room-sidebar'
import { showPlace } from './show-place'
import { useRoomConnection } from './hooks/use-room-connection'
import { useTypingSnapshots } from './hooks/use-typing-snapshots'
import { useUnreadableNotice } from './hooks/use-unreadable-notice'
import { useYRead } from './hooks/use-y-read'
import { ShortcutSheet } from './keyboard/shortcut-sheet'
import { useRoomShortcuts } from './keyboard/use-room-shortcuts'
import { requestSearchFocus } from '../search-request'
import { TrustContext } from './trust/trust-context'
import { useCaseTrust } from './trust/use-case-trust'

interface CaseRoomProps {
  roomId: string
  /** The live case: its connection, on screen or not. */
  room: LiveRoom
  doc: Y.Doc
  awareness: Awareness
  saver: UpdateSaver
  notices: readonly Notice[]
  identity: Identity
  onLeave: () => void
  /** Opens another case (this one, moved to a new room by a key change). */
  onOpenRoom: (roomId: string) => void
}

/** One case: its header with who is here, the six rich-text sections, and the sidebar panels. */
export function CaseRoom(props: CaseRoomProps): React.JSX.Element {
  const { roomId, room, doc, awareness, identity } = props
  const [reviewing, setReviewing] = useState(false)
  const [showingShortcuts, setShowingShortcuts] = useState(false)
  const link = useRoomConnection(room)
  const { role, color } = useYRead(membersMap(doc), () => {
    const members = readMembers(doc)
    const shown = members.has(identity.memberId)
      ? shownColor(memberColorSlots(members), identity.memberId)
      : identity.color
    return { role: members.get(identity.memberId)?.role, color: shown }
  })
  const initialized = useYRead(metaMap(doc), () => isCaseInitialized(doc))
  const swarmType = useYRead(metaMap(doc), () => readMeta(doc).swarmType)
  const user = { ...identity, color, role: role ?? 'contributor' }
  const unreadable = useUnreadableNotice(doc)
  useApprovalWatch(doc, identity.memberId)
  useTypingSnapshots(doc, identity)
  const roomTrust = useCaseTrust(roomId, doc, identity.memberId)
  usePlaceRequests(roomId, (place) => {
    setReviewing(false)
    // After review mode has given the page back to the room.
    requestAnimationFrame(() => showPlace(place))
  })
  useRoomShortcuts({
    onSection: (section) => {
      setReviewing(false)
      requestAnimationFrame(() => showPlace(`section:${section}`))
    },
    onSearch: () => {
      requestSearchFocus()
      props.onLeave()
    },
    onSheet: () => setShowingShortcuts(true),
  })
  return (
    <TrustContext value={roomTrust}>
      <main className="room">
        <ErrorBoundary label="Case header" actions={<BackToCases onLeave={props.onLeave} />}>
          <CaseHeader
            {...props}
            link={link}
            onRelayChanged={() => void room.connect()}
            reviewing={reviewing}
            onReview={() => setReviewing(!reviewing)}
            onShortcuts={() => setShowingShortcuts(true)}
          />
        </ErrorBoundary>
        <Notices
          notices={[
            ...props.notices,
            ...(link.peerProblem
              ? [{ id: 'peer-problem', level: 'warning' as const, message: link.peerProblem }]
              : []),
            ...(unreadable ? [unreadable] : []),
          ]}
        />
        <ErrorBoundary label="Moved notice">
          <MovedNotice doc={doc} />
        </ErrorBoundary>
        <ErrorBoundary label="Export notice">
          <ExportAuthBanner roomId={roomId} />
        </ErrorBoundary>
        {!initialized && (
          <p className="notice notice--info room__arriving" role="status">
            This case is arriving from your teammates. It appears here as soon as one of them is
            online; anything you write meanwhile is kept and merged.
          </p>
        )}
        {reviewing && (
          <ErrorBoundary label="Review mode">
            <ReviewMode roomId={roomId} doc={doc} identity={identity} />
          </ErrorBoundary>
        )}
        {/* Hidden, not removed, during review: the room keeps its panels and drafts as they were. */}
        <div className="room__body" hidden={reviewing}>
          <div className="room__sections">
            {SECTION_NAMES.map((name) => (
              <ErrorBoundary key={name} label={SECTION_TITLES[name]}>
                {name === 'customerUpdate' ? (
                  <CustomerUpdateSection
                    roomId={roomId}
                    doc={doc}
                    saver={props.saver}
                    identity={identity}
                    awareness={awareness}
                    user={user}
                    prompt={sectionPrompt(swarmType, name)}
                  />
                ) : (
                  <SectionEditor
                    name={name}
                    title={SECTION_TITLES[name]}
                    fragment={doc.getXmlFragment(name)}
                    awareness={awareness}
                    user={user}
                    prompt={sectionPrompt(swarmType, name)}
                  />
                )}
              </ErrorBoundary>
            ))}
          </div>
          <ErrorBoundary label="Case panels">
            <RoomSidebar roomId={roomId} doc={doc} identity={identity} />
          </ErrorBoundary>
        </div>
        {showingShortcuts && <ShortcutSheet onClose={() => setShowingShortcuts(false)} />}
      </main>
    </TrustContext>
  )
}
