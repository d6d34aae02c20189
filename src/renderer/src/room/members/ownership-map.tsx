import type * as Y from 'yjs'
import { metaMap } from '@shared/case/case-doc'
import { memberName } from '@shared/case/members'
import { readResponsibilities, setResponsibilities } from '@shared/case/responsibilities'
import {
  RESPONSIBILITIES,
  RESPONSIBILITY_NAMES,
  type CaseMember,
  type Responsibility,
} from '@shared/case/schema'
import { useAttempt } from '../../common/use-attempt'
import { useYRead } from '../hooks/use-y-read'

interface OwnershipMapProps {
  doc: Y.Doc
  me: string
  members: ReadonlyMap<string, CaseMember>
  ownerId: string
}

/** Who updates the customer, approves exceptions, decides on engineering and closes the loop. */
export function OwnershipMap(props: OwnershipMapProps): React.JSX.Element {
  const { doc, me, members, ownerId } = props
  const duties = useYRead(metaMap(doc), () => readResponsibilities(doc))
  const attempt = useAttempt()
  const canEdit = me === ownerId

  function assign(duty: Responsibility, memberId: string): void {
    // "" means "whoever owns the case", so the duty follows ownership when it moves.
    const value = memberId === ownerId ? '' : memberId
    attempt.run(() => setResponsibilities(doc, me, { [duty]: value }))
  }

  return (
    <section className="ownership-map" aria-labelledby="ownership-map-heading">
      <h3 id="ownership-map-heading">Who does what</h3>
      <dl className="ownership-map__list">
        {RESPONSIBILITIES.map((duty) => (
          <div key={duty} className="ownership-map__duty">
            <dt>{RESPONSIBILITY_NAMES[duty]}</dt>
            <dd>
              {canEdit ? (
                <select
                  aria-label={RESPONSIBILITY_NAMES[duty]}
                  value={duties[duty]}
                  onChange={(event) => assign(duty, event.target.value)}
                >
                  {[...members].map(([memberId, member]) => (
                    <option key={memberId} value={memberId}>
                      {memberId === ownerId ? `${member.name} (owner)` : member.name}
                    </option>
                  ))}
                </select>
              ) : (
                <>
                  {memberName(doc, duties[duty])}
                  {duties[duty] === ownerId && (
                    <span className="ownership-map__owner-mark"> · owner</span>
                  )}
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {!canEdit && <p className="hand-over__hint">The case owner assigns these.</p>}
      {attempt.error && (
        <p className="field-error" role="alert">
          {attempt.error}
        </p>
      )}
    </section>
  )
}
