/** The open case's verified decisions and this device's signing, for every part of the room. */
import { createContext, useContext } from 'react'
import type { CaseTrust } from '@shared/case/signatures/case-trust'
import type { Signing } from '@shared/case/signatures/signed-decisions'

export interface RoomTrust {
  /** Null until the first check of the case has finished. */
  trust: CaseTrust | null
  signing: Signing
}

export const TrustContext = createContext<RoomTrust | null>(null)

export function useRoomTrust(): RoomTrust {
  const value = useContext(TrustContext)
  if (!value) throw new Error('useRoomTrust is used outside a case room')
  return value
}
