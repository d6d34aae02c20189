import type * as Y from 'yjs'
import { metaMap } from '@shared/case/case-doc'
import { readOwnershipOffer } from '@shared/case/ownership'
import { ownerIdOf } from '@shared/case/permissions'
import type { OwnershipOffer } from '@shared/case/schema'
import { useYRead } from '../hooks/use-y-read'

/** The case owner's member id, re-read when a hand-over moves it. */
export function useOwnerId(doc: Y.Doc): string {
  return useYRead(metaMap(doc), () => ownerIdOf(doc))
}

/** The hand-over waiting for an answer, if any. */
export function useOwnershipOffer(doc: Y.Doc): OwnershipOffer | null {
  return useYRead(metaMap(doc), () => readOwnershipOffer(doc))
}
