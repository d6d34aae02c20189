import type * as Y from 'yjs'
import type { ApprovalStatus } from '@shared/case/approval'
import { memberName } from '@shared/case/members'
import { clockTime } from '../../common/format'

/** What the approval bar shows: a state name everyone reads the same way, and its details. */
export interface ApprovalView {
  key: 'draft' | 'review-requested' | 'changes-requested' | 'approved' | 'withdrawn'
  label: string
  detail: string
}

export function describeApproval(doc: Y.Doc, status: ApprovalStatus, me: string): ApprovalView {
  const name = (memberId: string | undefined): string =>
    memberId === me ? 'you' : memberName(doc, memberId ?? '')
  const when = (iso: string | undefined): string => (iso ? clockTime(iso) : 'an unknown time')
  if (status.valid) {
    return {
      key: 'approved',
      label: 'Approved',
      detail: `Approved by ${name(status.approvedBy)} at ${when(status.approvedAt)}. The text has not changed since.`,
    }
  }
  if (status.withdrawn) {
    const since = status.withdrawnAt ? ` (noticed at ${when(status.withdrawnAt)})` : ''
    return {
      key: 'withdrawn',
      label: 'Approval withdrawn',
      detail:
        `${capitalise(name(status.approvedBy))} approved it at ${when(status.approvedAt)}, but ` +
        `the text changed since${since}, so it needs approving again.`,
    }
  }
  switch (status.state) {
    case 'review-requested':
      return {
        key: 'review-requested',
        label: 'Review requested',
        detail: `${capitalise(name(status.requestedBy))} asked the owner for a review at ${when(status.requestedAt)}. Teammates suggest changes; the owner decides.`,
      }
    case 'changes-requested':
      return {
        key: 'changes-requested',
        label: 'Changes requested',
        detail: status.changesNote
          ? `The owner asked for changes: “${status.changesNote}” Edit the draft, then ask again.`
          : 'The owner asked for changes. Edit the draft, then ask again.',
      }
    default:
      return {
        key: 'draft',
        label: 'Draft',
        detail: 'Anyone can write here. When it is ready, ask the owner to review it.',
      }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
