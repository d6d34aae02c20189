import { useRef, useState, type FormEvent } from 'react'
import {
  HELP_DESKS,
  HELP_DESK_NAMES,
  PRIORITIES,
  type HelpDesk,
  type Priority,
  type SwarmType,
} from '@shared/case/schema'
import { ticketFromInput } from '@shared/case/ticket'
import type { CaseSummary } from '@shared/ipc'
import { swarmroom } from '../api'
import { ModalDialog } from '../common/modal-dialog'
import { SwarmTypeChoice } from './swarm-type-choice'
import { TicketLookupNote } from './ticket-lookup-note'
import { isAddress, useTicketLookup } from './use-ticket-lookup'
import './new-case-dialog.css'

interface NewCaseDialogProps {
  onCancel: () => void
  onCreated: (summary: CaseSummary) => void
}

const PRIORITY_NAMES: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
}

type Problem = 'title' | 'priority' | 'swarmType'
const PROBLEM_TEXT: Record<Problem, string> = {
  title: 'Give the case a title: the ticket’s subject is a good start.',
  priority: 'Choose a priority.',
  swarmType: 'Choose a swarm type.',
}

/**
 * A new case, starting from its ticket: pasting the ticket's address fills the subject and the
 * requester from the help desk when a connection can read it. Nothing is chosen for the user:
 * priority and swarm type stay empty until they are picked.
 */
export function NewCaseDialog({ onCancel, onCreated }: NewCaseDialogProps): React.JSX.Element {
  const [reference, setReference] = useState('')
  const [system, setSystem] = useState<HelpDesk>('zendesk')
  const [title, setTitle] = useState('')
  const [customer, setCustomer] = useState('')
  const [priority, setPriority] = useState<Priority>()
  const [swarmType, setSwarmType] = useState<SwarmType>()
  // After a first try, what is still missing shows, and goes as soon as it is filled in.
  const [tried, setTried] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const { lookup, lookUp } = useTicketLookup()
  // What the help desk filled in, so a later lookup replaces it but never what the user typed.
  const filled = useRef({ title: '', customer: '' })
  const form = useRef<HTMLFormElement>(null)

  async function readTicket(address: string, connectionId?: string): Promise<void> {
    const result = await lookUp(address, connectionId)
    if (result.state !== 'read') return
    const { ticket, subject, requester } = result.found
    setSystem(ticket.system)
    if (subject !== '' && (title === '' || title === filled.current.title)) {
      setTitle(subject)
      filled.current.title = subject
    }
    if (requester !== '' && (customer === '' || customer === filled.current.customer)) {
      setCustomer(requester)
      filled.current.customer = requester
    }
  }

  const missing: Problem[] = [
    ...(title.trim() === '' ? (['title'] as const) : []),
    ...(priority === undefined ? (['priority'] as const) : []),
    ...(swarmType === undefined ? (['swarmType'] as const) : []),
  ]
  const problems = tried ? missing : []

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setTried(true)
    setError(undefined)
    if (missing.length > 0 || priority === undefined || swarmType === undefined) {
      form.current?.querySelector<HTMLElement>(`[data-problem="${missing[0]}"]`)?.focus()
      return
    }
    setBusy(true)
    const read = lookup.state === 'read' && lookup.address === reference.trim()
    const result = await swarmroom.cases.create({
      title,
      ticket: read ? lookup.found.ticket : ticketFromInput(system, reference),
      customer,
      priority,
      swarmType,
    })
    setBusy(false)
    if (result.ok) onCreated(result.value)
    else setError(result.error.message)
  }

  const invalid = (problem: Problem): boolean => problems.includes(problem)
  const described = (problem: Problem): string | undefined =>
    invalid(problem) ? 'new-case-problems' : undefined

  return (
    <ModalDialog labelledBy="new-case-title" className="dialog--wide" onCancel={onCancel}>
      <form ref={form} noValidate onSubmit={(event) => void submit(event)}>
        <h2 id="new-case-title">New case</h2>
        <div className="field-row">
          <label className="field field--grow">
            <span>Ticket address or ID</span>
            <input
              autoFocus
              value={reference}
              onChange={(event) => setReference(event.target.value)}
              onPaste={(event) => {
                // Read once the pasted text is in the field, whatever was there before.
                const input = event.currentTarget
                window.setTimeout(() => {
                  if (isAddress(input.value)) void readTicket(input.value)
                })
              }}
              onBlur={() => {
                const address = reference.trim()
                const asked = 'address' in lookup && lookup.address === address
                if (isAddress(address) && !asked) void readTicket(address)
              }}
              placeholder="Paste the ticket’s address from your help desk"
              aria-describedby="ticket-lookup-note"
            />
          </label>
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
        </div>
        <TicketLookupNote
          id="ticket-lookup-note"
          lookup={lookup}
          onChoose={(connectionId) =>
            lookup.state === 'choose' && void readTicket(lookup.address, connectionId)
          }
        />
        <label className="field">
          <span>Title</span>
          <input
            data-problem="title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="e.g. Acme: invoices charged twice after plan change"
            aria-invalid={invalid('title') || undefined}
            aria-describedby={described('title')}
          />
        </label>
        <div className="field-row">
          <label className="field field--grow">
            <span>Customer</span>
            <input
              value={customer}
              onChange={(event) => setCustomer(event.target.value)}
              placeholder="The requester or their organisation"
            />
          </label>
          <label className="field">
            <span>Priority</span>
            <select
              data-problem="priority"
              value={priority ?? ''}
              onChange={(event) => setPriority((event.target.value || undefined) as Priority)}
              aria-invalid={invalid('priority') || undefined}
              aria-describedby={described('priority')}
            >
              <option value="" disabled>
                Choose…
              </option>
              {PRIORITIES.map((value) => (
                <option key={value} value={value}>
                  {PRIORITY_NAMES[value]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <SwarmTypeChoice
          value={swarmType}
          onChange={setSwarmType}
          invalid={invalid('swarmType')}
          errorId="new-case-problems"
        />
        {(problems.length > 0 || error) && (
          <div id="new-case-problems" className="field-error" role="alert">
            {problems.map((problem) => (
              <p key={problem}>{PROBLEM_TEXT[problem]}</p>
            ))}
            {error && <p>{error}</p>}
          </div>
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
