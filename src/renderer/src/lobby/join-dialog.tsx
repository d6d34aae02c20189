import { useState, type FormEvent } from 'react'
import type { CaseSummary } from '@shared/ipc'
import { parseInvite } from '@shared/room/invite'
import { swarmroom } from '../api'
import { ModalDialog } from '../common/modal-dialog'

interface JoinDialogProps {
  /** A link from a deep link, or '' when the user pastes one. */
  initialLink: string
  onCancel: () => void
  onJoined: (summary: CaseSummary) => void
}

/** Joins a case from an invite link: pasted here, or opened from a swarmroom:// link. */
export function JoinDialog(props: JoinDialogProps): React.JSX.Element {
  const [link, setLink] = useState(props.initialLink)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const parsed = link.trim() ? parseInvite(link) : undefined

  async function join(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!parsed?.ok) {
      setError(parsed?.problem ?? 'Paste the invite link a teammate sent you.')
      return
    }
    setBusy(true)
    const result = await swarmroom.cases.join({ link })
    setBusy(false)
    if (result.ok) props.onJoined(result.value)
    else setError(result.error.message)
  }

  const problem = error ?? (parsed && !parsed.ok ? parsed.problem : undefined)
  return (
    <ModalDialog labelledBy="join-title" className="dialog--wide" onCancel={props.onCancel}>
      <form onSubmit={(event) => void join(event)}>
        <h2 id="join-title">Join a case</h2>
        <label className="field">
          <span>Invite link</span>
          <input
            autoFocus
            value={link}
            onChange={(event) => {
              setLink(event.target.value)
              setError(undefined)
            }}
            placeholder="swarmroom://join/…#key=…"
            aria-describedby={problem ? 'join-problem' : undefined}
          />
        </label>
        {parsed?.ok && (
          <p className="join__preview">
            {parsed.invite.title ? `“${parsed.invite.title}”` : 'A case'} — it will be saved on this
            computer like your own cases.
          </p>
        )}
        {problem && (
          <p id="join-problem" className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Joining…' : 'Join case'}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
