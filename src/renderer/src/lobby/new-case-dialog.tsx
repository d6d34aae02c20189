import { useState, type FormEvent } from 'react'
import {
  HELP_DESKS,
  HELP_DESK_NAMES,
  PRIORITIES,
  SWARM_TYPES,
  SWARM_TYPE_NAMES,
  type HelpDesk,
  type Priority,
  type SwarmType,
} from '@shared/case/schema'
import { ticketFromInput } from '@shared/case/ticket'
import type { CaseSummary } from '@shared/ipc'
import { swarmroom } from '../api'
import { ModalDialog } from '../common/modal-dialog'

interface NewCaseDialogProps {
  onCancel: () => void
  onCreated: (summary: CaseSummary) => void
}

export function NewCaseDialog({ onCancel, onCreated }: NewCaseDialogProps): React.JSX.Element {
  const [title, setTitle] = useState('')
  const [system, setSystem] = useState<HelpDesk>('zendesk')
  const [reference, setReference] = useState('')
  const [customer, setCustomer] = useState('')
  const [priority, setPriority] = useState<Priority>('high')
  const [swarmType, setSwarmType] = useState<SwarmType>('vip-incident')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    const result = await swarmroom.cases.create({
      title,
      ticket: ticketFromInput(system, reference),
      customer,
      priority,
      swarmType,
    })
    setBusy(false)
    if (result.ok) onCreated(result.value)
    else setError(result.error.message)
  }

  return (
    <ModalDialog labelledBy="new-case-title" className="dialog--wide" onCancel={onCancel}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="new-case-title">New case</h2>
        <label className="field">
          <span>Title</span>
          <input
            autoFocus
            required
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="e.g. Acme: invoices charged twice after plan change"
          />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Help desk</span>
            <select value={system} onChange={(event) => setSystem(event.target.value as HelpDesk)}>
              {HELP_DESKS.map((desk) => (
                <option key={desk} value={desk}>
                  {HELP_DESK_NAMES[desk]}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--grow">
            <span>Ticket ID or URL</span>
            <input
              value={reference}
              onChange={(event) => setReference(event.target.value)}
              placeholder="48213 or https://acme.zendesk.com/agent/tickets/48213"
            />
          </label>
        </div>
        <div className="field-row">
          <label className="field field--grow">
            <span>Customer</span>
            <input value={customer} onChange={(event) => setCustomer(event.target.value)} />
          </label>
          <label className="field">
            <span>Priority</span>
            <select
              value={priority}
              onChange={(event) => setPriority(event.target.value as Priority)}
            >
              {PRIORITIES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="field">
          <legend>Swarm type</legend>
          <div className="choice-grid">
            {SWARM_TYPES.map((type) => (
              <label key={type} className="choice">
                <input
                  type="radio"
                  name="swarm-type"
                  value={type}
                  checked={swarmType === type}
                  onChange={() => setSwarmType(type)}
                />
                {SWARM_TYPE_NAMES[type]}
              </label>
            ))}
          </div>
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create case'}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
