import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { metaMap } from '@shared/case/case-doc'
import type { UpdateSaver } from '@shared/room/update-saver'
import { swarmroom } from '../../api'
import { ConfirmDialog } from '../../common/confirm-dialog'
import { RelayChoice } from './relay-choice'
import './invite.css'
import { ModalDialog } from '../../common/modal-dialog'

interface InviteDialogProps {
  roomId: string
  doc: Y.Doc
  saver: UpdateSaver
  memberId: string
  isOwner: boolean
  onClose: () => void
  onRelayChanged: () => void
  /** The case now lives in a new room (after a key change). */
  onMoved: (roomId: string) => void
}

/** The invite link, the team relay for this case, and (for the owner) moving to a new key. */
export function InviteDialog(props: InviteDialogProps): React.JSX.Element {
  const [link, setLink] = useState<string>()
  const [message, setMessage] = useState<{ error: boolean; text: string }>()
  const [confirmingMove, setConfirmingMove] = useState(false)
  const [moving, setMoving] = useState(false)

  useEffect(() => {
    void swarmroom.room.invite({ roomId: props.roomId }).then((result) => {
      if (result.ok) setLink(result.value.link)
      else setMessage({ error: true, text: result.error.message })
    })
  }, [props.roomId])

  async function copy(): Promise<void> {
    if (!link) return
    try {
      await navigator.clipboard.writeText(link)
      setMessage({
        error: false,
        text: 'Copied. Send it only to the people you want in the swarm.',
      })
    } catch {
      setMessage({ error: true, text: 'Copying was refused; select the link and copy it by hand.' })
    }
  }

  async function moveToNewKey(): Promise<void> {
    setConfirmingMove(false)
    setMoving(true)
    // Teammates still connected see why the case went quiet before this window leaves.
    props.doc.transact(() => {
      metaMap(props.doc).set('movedAt', new Date().toISOString())
      metaMap(props.doc).set('movedBy', props.memberId)
    })
    await props.saver.flush()
    const result = await swarmroom.room.rotateKey({ roomId: props.roomId })
    setMoving(false)
    if (result.ok) props.onMoved(result.value.roomId)
    else setMessage({ error: true, text: result.error.message })
  }

  return (
    <ModalDialog labelledBy="invite-title" className="dialog--wide invite" onCancel={props.onClose}>
      <h2 id="invite-title">Invite teammates</h2>
      <p>
        Anyone with this link can join the case and read everything in it. The key after{' '}
        <code>#key=</code> never goes to a server.
      </p>
      <div className="invite__link">
        <input
          readOnly
          aria-label="Invite link"
          value={link ?? 'Making the link…'}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button className="button button--primary" disabled={!link} onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      {message && (
        <p className={message.error ? 'field-error' : 'invite__copied'} role="status">
          {message.text}
        </p>
      )}
      <RelayChoice roomId={props.roomId} onChanged={props.onRelayChanged} />
      {props.isOwner && (
        <section className="invite__remove" aria-labelledby="invite-remove-title">
          <h3 id="invite-remove-title">Remove someone from the swarm</h3>
          <p>
            Moves the case to a new room with a new key. Everyone you invite again gets the new
            link; anyone you do not can no longer follow the case.
          </p>
          <button
            className="button button--danger-quiet"
            disabled={moving}
            onClick={() => setConfirmingMove(true)}
          >
            {moving ? 'Moving…' : 'Move to a new key'}
          </button>
        </section>
      )}
      <div className="dialog__actions">
        <button className="button" autoFocus onClick={props.onClose}>
          Done
        </button>
      </div>
      {confirmingMove && (
        <ConfirmDialog
          title="Move the case to a new key?"
          message="Everyone now in the room is left behind until you send them the new invite link."
          confirmLabel="Move to a new key"
          onConfirm={() => void moveToNewKey()}
          onCancel={() => setConfirmingMove(false)}
        />
      )}
    </ModalDialog>
  )
}
