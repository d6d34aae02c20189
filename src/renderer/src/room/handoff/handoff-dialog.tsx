import { useState } from 'react'
import type * as Y from 'yjs'
import { checkEscalation, checkHandoff, gapsOf } from '@shared/case/completeness'
import type { HandoffResult } from '@shared/case/handoff'
import { escalateSigned, handOffSigned } from '@shared/case/signatures/signed-decisions'
import { useRoomTrust } from '../trust/trust-context'
import { membersMap, readMembers } from '@shared/case/members'
import { useAttempt } from '../../common/use-attempt'
import { useDocRead } from '../hooks/use-doc-read'
import { useYRead } from '../hooks/use-y-read'
import { CompletenessList } from './completeness-list'
import { HandoffNotePreview } from './handoff-note-preview'
import { ModalDialog } from '../../common/modal-dialog'

export type HandoffKind = 'handoff' | 'escalation'

interface HandoffDialogProps {
  doc: Y.Doc
  me: string
  kind: HandoffKind
  /** Called with a sentence saying what happened, once it is logged. */
  onDone: (message: string) => void
  onCancel: () => void
}

/** A team or queue outside the case, typed in, instead of a member. */
const ELSEWHERE = '\u0000elsewhere'

/** Shows the check and the handoff note; going ahead with gaps needs them acknowledged. */
export function HandoffDialog(props: HandoffDialogProps): React.JSX.Element {
  const { doc, me, kind } = props
  const check = useDocRead(doc, () =>
    kind === 'handoff' ? checkHandoff(doc) : checkEscalation(doc),
  )
  const members = useYRead(membersMap(doc), () => readMembers(doc))
  const others = [...members].filter(([memberId]) => memberId !== me)
  const [choice, setChoice] = useState(others[0]?.[0] ?? ELSEWHERE)
  const [elsewhere, setElsewhere] = useState('')
  const [acknowledged, setAcknowledged] = useState(false)
  const attempt = useAttempt()
  const { signing } = useRoomTrust()
  const gaps = gapsOf(check)
  const to = choice === ELSEWHERE ? elsewhere.trim() : choice
  const verb = kind === 'handoff' ? 'Hand off' : 'Escalate'

  async function goAhead(): Promise<void> {
    let result: HandoffResult | undefined
    const ok = await attempt.runAsync(async () => {
      result =
        kind === 'handoff'
          ? await handOffSigned(doc, me, { to, acknowledgeGaps: acknowledged }, signing)
          : await escalateSigned(doc, me, { acknowledgeGaps: acknowledged }, signing)
    })
    if (!ok || !result) return
    const where = kind === 'handoff' ? `Handed off to ${members.get(to)?.name ?? to}` : 'Escalated'
    const count = result.gaps.length
    const said = count === 0 ? '' : `, acknowledging ${count === 1 ? 'one gap' : `${count} gaps`}`
    props.onDone(`${where}${said}. It is in the timeline.`)
  }

  return (
    <ModalDialog
      labelledBy="handoff-dialog-title"
      className="dialog--wide handoff-dialog"
      onCancel={props.onCancel}
    >
      <h2 id="handoff-dialog-title">{verb} the case</h2>
      <CompletenessList title={kind === 'handoff' ? 'Handoff' : 'Escalation'} check={check} />
      {kind === 'handoff' && (
        <div className="field-row">
          <label className="field field--grow">
            <span>Hand off to</span>
            <select value={choice} onChange={(event) => setChoice(event.target.value)}>
              {others.map(([memberId, member]) => (
                <option key={memberId} value={memberId}>
                  {member.name}
                </option>
              ))}
              <option value={ELSEWHERE}>A team or queue…</option>
            </select>
          </label>
          {choice === ELSEWHERE && (
            <label className="field field--grow">
              <span>Team or queue</span>
              <input
                value={elsewhere}
                maxLength={200}
                placeholder="e.g. Billing tier 2"
                onChange={(event) => setElsewhere(event.target.value)}
              />
            </label>
          )}
        </div>
      )}
      <HandoffNotePreview doc={doc} />
      {gaps.length > 0 && (
        <label className="checkbox handoff-dialog__acknowledge">
          <input
            type="checkbox"
            checked={acknowledged}
            onChange={(event) => setAcknowledged(event.target.checked)}
          />
          Go ahead with {gaps.length === 1 ? 'this gap' : `these ${gaps.length} gaps`}: the next
          person will see them in the note and the timeline
        </label>
      )}
      {attempt.error && (
        <p className="field-error" role="alert">
          {attempt.error}
        </p>
      )}
      <div className="dialog__actions">
        <button className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          className="button button--primary"
          disabled={(gaps.length > 0 && !acknowledged) || (kind === 'handoff' && to === '')}
          onClick={() => void goAhead()}
        >
          {verb} the case
        </button>
      </div>
    </ModalDialog>
  )
}
