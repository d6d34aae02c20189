import type * as Y from 'yjs'
import { metaMap, readMeta } from '@shared/case/case-doc'
import { customerWaitingSince, listUpdates, updatesArray } from '@shared/case/updates'
import { useNow } from '../hooks/use-now'
import { useYRead } from '../hooks/use-y-read'
import { CustomerWaitingBadge } from './customer-waiting-badge'

/**
 * How long the customer has heard nothing: since the last update sent, or since the case
 * opened. Refreshed every 15 seconds.
 */
export function CustomerWaiting({ doc }: { doc: Y.Doc }): React.JSX.Element | null {
  const now = useNow(15_000)
  const since = useYRead(updatesArray(doc), () => customerWaitingSince(doc))
  const sentBefore = useYRead(updatesArray(doc), () => listUpdates(doc).length > 0)
  const status = useYRead(metaMap(doc), () => readMeta(doc).status)
  if (!since) return null
  return <CustomerWaitingBadge since={since} sentBefore={sentBefore} status={status} now={now} />
}
