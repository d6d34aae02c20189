import { useState } from 'react'
import type * as Y from 'yjs'
import { approvalStatus } from '@shared/case/approval'
import { membersMap, readMember } from '@shared/case/members'
import { SECTION_TITLES } from '@shared/case/schema'
import type { Identity } from '@shared/ipc'
import type { UpdateSaver } from '@shared/room/update-saver'
import type { PresenceUser } from '@shared/room/presence'
import type { Awareness } from 'y-protocols/awareness'
import { useOwnerId } from '../members/use-ownership'
import { SectionEditor } from '../sections/section-editor'
import { useDocRead } from '../hooks/use-doc-read'
import { useYRead } from '../hooks/use-y-read'
import { ApprovalBar } from './approval-bar'
import { SuggestChange } from './suggest-change'
import { SuggestionList } from './suggestion-list'
import { useLinkedTicket } from './use-linked-ticket'
import './customer-update.css'

interface CustomerUpdateSectionProps {
  roomId: string
  doc: Y.Doc
  saver: UpdateSaver
  identity: Identity
  awareness: Awareness
  user: PresenceUser
  /** The swarm type's prompt, shown while the update is empty. */
  prompt: string
}

/**
 * The one customer update: anyone drafts it; while the owner reviews it, teammates suggest
 * changes instead of editing, and the owner approves and sends it to the ticket (or marks it
 * sent another way).
 */
export function CustomerUpdateSection({
  roomId,
  doc,
  saver,
  identity,
  awareness,
  user,
  prompt,
}: CustomerUpdateSectionProps): React.JSX.Element {
  const me = identity.memberId
  const status = useDocRead(doc, () => approvalStatus(doc))
  const ownerId = useOwnerId(doc)
  const role = useYRead(membersMap(doc), () => readMember(doc, me)?.role)
  const ticket = useLinkedTicket(doc)
  const [selected, setSelected] = useState('')
  const isOwner = me === ownerId
  const isObserver = !isOwner && role === 'observer'
  const underReview = status.state === 'review-requested' || status.state === 'approved'
  const suggesting = !isOwner && underReview

  return (
    <SectionEditor
      name="customerUpdate"
      title={SECTION_TITLES.customerUpdate}
      fragment={doc.getXmlFragment('customerUpdate')}
      awareness={awareness}
      user={user}
      prompt={prompt}
      editable={!suggesting}
      className="section-editor--customer-update"
      onSelectText={setSelected}
      banner={
        <ApprovalBar
          roomId={roomId}
          doc={doc}
          saver={saver}
          me={me}
          status={status}
          isOwner={isOwner}
          isObserver={isObserver}
          ticket={ticket}
        />
      }
    >
      {suggesting && !isObserver && <SuggestChange doc={doc} me={me} selected={selected} />}
      <SuggestionList doc={doc} me={me} isOwner={isOwner} />
    </SectionEditor>
  )
}
