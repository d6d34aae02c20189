import { useEffect } from 'react'
import type * as Y from 'yjs'
import { watchApproval } from '@shared/case/approval-watch'

/** While the case is open, this app records any approval a text change has withdrawn. */
export function useApprovalWatch(doc: Y.Doc, memberId: string): void {
  useEffect(() => watchApproval(doc, memberId), [doc, memberId])
}
