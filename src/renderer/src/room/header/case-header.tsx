import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { metaMap, readMeta, updateMeta } from '@shared/case/case-doc'
import { PRIORITIES, PRIORITY_NAMES, SWARM_TYPE_NAMES, type Priority } from '@shared/case/schema'
import type { Identity } from '@shared/ipc'
import type { UpdateSaver } from '@shared/room/update-saver'
import type { Awareness } from 'y-protocols/awareness'
import { swarmroom } from '../../api'
import { ConfirmDialog } from '../../common/confirm-dialog'
import { InviteDialog } from '../invite/invite-dialog'
import { PresenceBar } from '../presence/presence-bar'
import { CaseActions } from './case-actions'
import { SaveStatus } from './save-status'
import type { RoomLink } from '../../sync/live-room'
import { CustomerWaiting } from '../customer-update/customer-waiting'
import { CaseOwner } from '../members/case-owner'
import { OwnershipPrompt } from '../members/ownership-prompt'
import { StatusSelect } from './status-select'
import { SwarmingOffer } from './swarming-offer'
import { ExportButton } from '../export/export-button'
import { TicketLink } from './ticket-link'
import { TitleField } from './title-field'
import { shortcutAttributes } from '../keyboard/shortcut-attributes'
import { useYRead } from '../hooks/use-y-read'
import './case-header.css'

interface CaseHeaderProps {
  roomId: string
  doc: Y.Doc
  awareness: Awareness
  identity: Identity
  saver: UpdateSaver
  link: RoomLink
  onLeave: () => void
  onRelayChanged: () => void
  onOpenRoom: (roomId: string) => void
  /** Whether review mode is showing, and how to enter or leave it. */
  reviewing?: boolean
  onReview?: () => void
  /** Opens the sheet of keyboard shortcuts. */
  onShortcuts?: () => void
}

export function CaseHeader(props: CaseHeaderProps): React.JSX.Element {
  const { roomId, doc, saver, identity, onLeave } = props
  const meta = useYRead(metaMap(doc), () => readMeta(doc))
  const [inviting, setInviting] = useState(false)
  const [archived, setArchived] = useState<boolean>()
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const [error, setError] = useState<string>()

  useEffect(() => {
    void swarmroom.cases.list().then((result) => {
      if (result.ok) setArchived(result.value.find((item) => item.roomId === roomId)?.archived)
    })
  }, [roomId])

  async function toggleArchived(): Promise<void> {
    const result = await swarmroom.cases.setArchived({ roomId, archived: !archived })
    // An earlier failure goes once archiving works.
    if (result.ok) {
      setArchived(result.value.archived)
      setError(undefined)
    } else setError(result.error.message)
  }

  async function deleteCase(): Promise<void> {
    setConfirmingDelete(false)
    await saver.flush()
    const result = await swarmroom.cases.delete({ roomId })
    if (result.ok) onLeave()
    else setError(result.error.message)
  }

  return (
    <header className="case-header">
      {/* The screen's one h1 for assistive technology; the title field shows it on screen. */}
      <h1 className="visually-hidden">{meta.title || 'Untitled case'}</h1>
      <div className="case-header__top">
        <button className="button button--quiet" onClick={onLeave} aria-label="Back to cases">
          ← Cases
        </button>
        <TitleField value={meta.title} onCommit={(title) => updateMeta(doc, { title })} />
        <PresenceBar
          doc={doc}
          awareness={props.awareness}
          identity={props.identity}
          link={props.link}
        />
        <button
          className="button button--primary"
          onClick={() => setInviting(true)}
          {...shortcutAttributes('invite')}
        >
          Invite
        </button>
        <SaveStatus saver={saver} />
        {props.onReview && (
          <button
            className="button"
            aria-pressed={props.reviewing}
            onClick={props.onReview}
            {...shortcutAttributes('review')}
          >
            {props.reviewing ? 'Leave review' : 'Review'}
          </button>
        )}
        <ExportButton roomId={roomId} doc={doc} saver={saver} />
        <CaseActions
          archived={archived}
          onToggleArchived={() => void toggleArchived()}
          onDelete={() => setConfirmingDelete(true)}
        />
        {props.onShortcuts && (
          <button
            className="button button--quiet shortcut-button"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={props.onShortcuts}
            {...shortcutAttributes('sheet')}
          >
            <span className="shortcut-button__word">Shortcuts </span>
            <kbd aria-hidden="true">?</kbd>
          </button>
        )}
      </div>
      <div className="case-header__facts">
        <TicketLink roomId={roomId} doc={doc} saver={saver} />
        {meta.customer && <span>{meta.customer}</span>}
        <span>{SWARM_TYPE_NAMES[meta.swarmType]}</span>
        <label className="inline-field">
          Priority
          <select
            value={meta.priority}
            onChange={(event) => updateMeta(doc, { priority: event.target.value as Priority })}
          >
            {PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {PRIORITY_NAMES[value]}
              </option>
            ))}
          </select>
        </label>
        <StatusSelect doc={doc} me={identity.memberId} />
        <CaseOwner doc={doc} me={identity.memberId} />
        <CustomerWaiting doc={doc} />
      </div>
      <OwnershipPrompt doc={doc} me={identity.memberId} variant="banner" />
      <SwarmingOffer doc={doc} me={identity.memberId} />
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {inviting && (
        <InviteDialog
          roomId={roomId}
          doc={doc}
          saver={saver}
          memberId={props.identity.memberId}
          isOwner={meta.ownerId === props.identity.memberId}
          onClose={() => setInviting(false)}
          onRelayChanged={props.onRelayChanged}
          onMoved={(newRoomId) => {
            setInviting(false)
            props.onOpenRoom(newRoomId)
          }}
        />
      )}
      {confirmingDelete && (
        <ConfirmDialog
          title="Delete this case?"
          message={`"${meta.title}" and everything written in it will be removed from this computer. Teammates keep their own copies.`}
          confirmLabel="Delete case"
          onConfirm={() => void deleteCase()}
          onCancel={() => setConfirmingDelete(false)}
        />
      )}
    </header>
  )
}
