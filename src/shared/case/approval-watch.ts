/**
 * Every member's app watches the approval: as soon as its copy of the case holds an approval
 * whose text has changed since, locally or through a peer's edit, it records the withdrawal.
 * Several members doing so at once still leave one event (see `recordWithdrawal`).
 */
import type * as Y from 'yjs'
import { approvalMap, recordWithdrawal } from './approval'

/** Starts watching; the returned function stops it. `now` is the clock, for tests. */
export function watchApproval(
  doc: Y.Doc,
  actor: string,
  now: () => Date = () => new Date(),
): () => void {
  const approval = approvalMap(doc)
  const fragment = doc.getXmlFragment('customerUpdate')
  const check = (): void => {
    // Hashing the update is only needed while something is approved.
    if (approval.get('state') === 'approved') recordWithdrawal(doc, actor, now())
  }
  approval.observe(check)
  fragment.observeDeep(check)
  // A copy loaded from disk or synced while the app was closed may already be stale.
  check()
  return () => {
    approval.unobserve(check)
    fragment.unobserveDeep(check)
  }
}
