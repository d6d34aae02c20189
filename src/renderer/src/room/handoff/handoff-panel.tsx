import { useState } from 'react'
import { checkEscalation, checkHandoff } from '@shared/case/completeness'
import { membersMap, readMember } from '@shared/case/members'
import type { RoomPanelProps } from '../sidebar/room-panel-props'
import { useOwnerId } from '../members/use-ownership'
import { useDocRead } from '../hooks/use-doc-read'
import { useYRead } from '../hooks/use-y-read'
import { CompletenessList } from './completeness-list'
import { HandoffDialog, type HandoffKind } from './handoff-dialog'
import './handoff.css'

/**
 * The live completeness check beside the sections, and the way to hand the case off or
 * escalate it with a one-page note for whoever takes it next.
 */
export function HandoffPanel({ doc, identity }: RoomPanelProps): React.JSX.Element {
  const checks = useDocRead(doc, () => ({
    handoff: checkHandoff(doc),
    escalation: checkEscalation(doc),
  }))
  const me = identity.memberId
  const ownerId = useOwnerId(doc)
  const role = useYRead(membersMap(doc), () => readMember(doc, me)?.role)
  const [dialog, setDialog] = useState<HandoffKind>()
  const [done, setDone] = useState<string>()
  const isOwner = me === ownerId
  const canEscalate = isOwner || (role !== undefined && role !== 'observer')

  return (
    <section className="handoff-panel" aria-labelledby="handoff-heading">
      <h2 id="handoff-heading">Completeness check</h2>
      <p className="handoff-panel__intro">
        What the next person needs, checked live as the swarm writes. A part counts once someone
        writes in it: the grey prompt in an empty section is not content.
      </p>
      <CompletenessList title="Handoff" check={checks.handoff} />
      <CompletenessList title="Escalation" check={checks.escalation} />
      <div className="handoff-panel__actions">
        <button
          className="button"
          disabled={!isOwner}
          title={isOwner ? undefined : 'Only the case owner hands the case off.'}
          onClick={() => setDialog('handoff')}
        >
          Hand off
        </button>
        <button
          className="button"
          disabled={!canEscalate}
          title={canEscalate ? undefined : 'Observers follow the case but do not escalate it.'}
          onClick={() => setDialog('escalation')}
        >
          Escalate
        </button>
      </div>
      {!isOwner && <p className="handoff-panel__hint">Only the case owner hands the case off.</p>}
      {done && <p className="notice notice--info handoff-panel__done">{done}</p>}
      {dialog && (
        <HandoffDialog
          doc={doc}
          me={me}
          kind={dialog}
          onDone={(message) => {
            setDialog(undefined)
            setDone(message)
          }}
          onCancel={() => setDialog(undefined)}
        />
      )}
    </section>
  )
}
