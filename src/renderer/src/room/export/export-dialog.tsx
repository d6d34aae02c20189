import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { HELP_DESK_NAMES, type ExportRecord } from '@shared/case/schema'
import type { ExportParts, ExportPreview as Preview, SendResult } from '@shared/channels/export'
import type { Result } from '@shared/result'
import type { UpdateSaver } from '@shared/room/update-saver'
import { swarmroom } from '../../api'
import { CopyAndSave } from './copy-and-save'
import { ExportDecision } from './export-decision'
import { ExportPreview } from './export-preview'
import { ExportProgress } from './export-progress'
import './export.css'
import { ModalDialog } from '../../common/modal-dialog'

interface ExportDialogProps {
  roomId: string
  doc: Y.Doc
  saver: UpdateSaver
  onClose: () => void
  /** @default 'Export to ticket' */
  title?: string
  /**
   * `customer-update`: sending the approved update, so the reply alone is chosen and the
   * note can go with it; `case` (the header's export) offers every part.
   * @default 'case'
   */
  flow?: 'case' | 'customer-update'
}

type Question = Extract<SendResult, { state: 'needs-override' | 'confirm-ticket' }>
type Step =
  | { kind: 'loading' }
  | { kind: 'preview' }
  | { kind: 'question'; question: Question }
  | { kind: 'queued'; record: ExportRecord }

interface PreviewAnswer {
  result: Result<Preview>
  chosen: string | undefined
}

type PartChoice = { value: ExportParts; label: string }

const PART_CHOICES: readonly PartChoice[] = [
  { value: 'both', label: 'Internal note and public reply' },
  { value: 'note', label: 'Internal note only' },
  { value: 'reply', label: 'Public reply only' },
]
const UPDATE_PART_CHOICES: readonly PartChoice[] = [
  { value: 'reply', label: 'The reply only' },
  { value: 'both', label: 'The reply, with the internal note first' },
]

/** "Export to ticket": the preview, the owner's choices and decisions, then the progress. */
export function ExportDialog({
  roomId,
  doc,
  saver,
  onClose,
  title = 'Export to ticket',
  flow = 'case',
}: ExportDialogProps): React.JSX.Element {
  const [step, setStep] = useState<Step>({ kind: 'loading' })
  const [preview, setPreview] = useState<Preview>()
  const [parts, setParts] = useState<ExportParts | undefined>(
    flow === 'customer-update' ? 'reply' : undefined,
  )
  const choices = flow === 'customer-update' ? UPDATE_PART_CHOICES : PART_CHOICES
  const [connectionId, setConnectionId] = useState<string>()
  const [override, setOverride] = useState(false)
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const fetchPreview = useCallback(
    async (chosen?: string): Promise<PreviewAnswer> => {
      // Main reads the case from its log: what was just typed must be there first.
      await saver.flush()
      const result = await swarmroom.export.preview({
        roomId,
        ...(chosen ? { connectionId: chosen } : {}),
      })
      return { result, chosen }
    },
    [roomId, saver],
  )

  const show = useCallback(({ result, chosen }: PreviewAnswer): void => {
    if (!result.ok) {
      setError(result.error.message)
      return setStep({ kind: 'preview' })
    }
    // An override answers for the text it was given for: a new preview asks again.
    setPreview((previous) => {
      if (previous?.hash !== result.value.hash) setOverride(false)
      return result.value
    })
    setConnectionId(result.value.connection?.id ?? chosen)
    setParts((current) => current ?? (result.value.reply.approval.valid ? 'both' : 'note'))
    setStep({ kind: 'preview' })
  }, [])

  useEffect(() => {
    void fetchPreview().then(show)
  }, [fetchPreview, show])

  async function load(chosen?: string): Promise<void> {
    setStep({ kind: 'loading' })
    show(await fetchPreview(chosen))
  }

  async function send(
    options: { parts?: ExportParts; override?: boolean; token?: string; linkToken?: string } = {},
  ): Promise<void> {
    if (!preview || !parts) return
    const chosenParts = options.parts ?? parts
    const overrideUnapproved = options.override ?? override
    setBusy(true)
    setError(undefined)
    const result = await swarmroom.export.send({
      roomId,
      parts: chosenParts,
      previewHash: preview.hash,
      overrideUnapproved,
      ...(connectionId ? { connectionId } : {}),
      ...(options.token ? { ticketToken: options.token } : {}),
      ...(options.linkToken ? { ticketLinkToken: options.linkToken } : {}),
    })
    setBusy(false)
    if (!result.ok) {
      setError(result.error.message)
      return setStep({ kind: 'preview' })
    }
    const answer = result.value
    setOverride(overrideUnapproved)
    if (answer.state === 'queued') return setStep({ kind: 'queued', record: answer.record })
    if (answer.state === 'needs-override' || answer.state === 'confirm-ticket') {
      return setStep({ kind: 'question', question: answer })
    }
    setNotice(answer.message)
    await load(connectionId)
  }

  function goAhead(question: Question): void {
    if (question.state === 'needs-override') void send({ override: true })
    else if (question.reason === 'relinked') void send({ linkToken: question.token })
    else void send({ token: question.token })
  }

  const problems = preview?.problems ?? []
  const destination = preview
    ? `${HELP_DESK_NAMES[preview.ticket.system]} ticket ${preview.ticket.id || '(not linked)'}`
    : ''
  return (
    <ModalDialog labelledBy="export-title" className="export-dialog" onCancel={onClose}>
      <h2 id="export-title">{title}</h2>
      {preview && (
        <p className="export-dialog__destination">
          To <strong>{destination}</strong>
          {preview.connection && <> through “{preview.connection.label}”</>}
        </p>
      )}
      {step.kind === 'loading' && <p role="status">Preparing the preview…</p>}
      {notice && <p className="notice notice--info">{notice}</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {step.kind === 'preview' && preview && (
        <>
          {problems.length > 0 && (
            <ul className="export-dialog__problems" aria-label="Before you can export">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          {preview.choices.length > 1 && (
            <label className="field">
              <span>Connection</span>
              <select
                value={connectionId ?? ''}
                onChange={(event) => void load(event.target.value)}
              >
                {!preview.connection && <option value="">Choose a connection…</option>}
                {preview.choices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <fieldset className="field export-dialog__parts">
            <legend>What to post</legend>
            {choices.map((choice) => (
              <label key={choice.value} className="choice">
                <input
                  type="radio"
                  name="export-parts"
                  value={choice.value}
                  checked={parts === choice.value}
                  onChange={() => setParts(choice.value)}
                />
                {choice.label}
              </label>
            ))}
          </fieldset>
          <ExportPreview preview={preview} />
          <CopyAndSave roomId={roomId} preview={preview} />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button button--primary"
              autoFocus
              disabled={busy || problems.length > 0}
              onClick={() => void send()}
            >
              {busy ? 'Checking the ticket…' : flow === 'customer-update' ? 'Send' : 'Export'}
            </button>
          </div>
        </>
      )}
      {step.kind === 'question' && (
        <ExportDecision
          question={step.question}
          withNote={parts === 'both'}
          busy={busy}
          onGoAhead={() => goAhead(step.question)}
          onNoteOnly={() => void send({ parts: 'note' })}
          onBack={() => setStep({ kind: 'preview' })}
        />
      )}
      {step.kind === 'queued' && (
        <>
          <ExportProgress roomId={roomId} doc={doc} record={step.record} />
          <div className="dialog__actions">
            <button type="button" className="button button--primary" autoFocus onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  )
}
