import type * as Y from 'yjs'
import { metaMap, readMeta } from '@shared/case/case-doc'
import { membersMap, readMember } from '@shared/case/members'
import { CASE_STATUSES, CASE_STATUS_NAMES, type CaseStatus } from '@shared/case/schema'
import { setStatus } from '@shared/case/status'
import { useOwnerId } from '../members/use-ownership'
import { useAttempt } from '../../common/use-attempt'
import { useYRead } from '../hooks/use-y-read'
import './status-select.css'

/**
 * The case status. The owner or a lead moves it, and each move is logged with who and when;
 * `reviewed` comes only from a lead's sign-off of the review, so it cannot be picked here.
 */
export function StatusSelect({ doc, me }: { doc: Y.Doc; me: string }): React.JSX.Element {
  const status = useYRead(metaMap(doc), () => readMeta(doc).status)
  const role = useYRead(membersMap(doc), () => readMember(doc, me)?.role)
  const ownerId = useOwnerId(doc)
  const attempt = useAttempt()
  const canChange = me === ownerId || role === 'lead'
  return (
    <>
      <label
        className="inline-field status-select"
        title={canChange ? undefined : 'Only the case owner or a lead changes the status.'}
      >
        Status
        <select
          value={status}
          disabled={!canChange}
          onChange={(event) =>
            attempt.run(() => setStatus(doc, me, event.target.value as CaseStatus))
          }
        >
          {CASE_STATUSES.map((value) =>
            value === 'reviewed' ? (
              <option key={value} value={value} disabled title="Reached when a lead signs off">
                {CASE_STATUS_NAMES[value]} (at sign-off)
              </option>
            ) : (
              <option key={value} value={value}>
                {CASE_STATUS_NAMES[value]}
              </option>
            ),
          )}
        </select>
      </label>
      {attempt.error && (
        <span className="field-error" role="alert">
          {attempt.error}
        </span>
      )}
    </>
  )
}
