/**
 * Verifies the open case whenever it changes: pins what this computer sees for the first time
 * (through main, in app.json), checks every signed decision against the pins, and tells main
 * which owner it verified. When this member is the verified owner and a peer wrote someone else
 * into `meta.ownerId`, the owner's app writes the verified owner back.
 */
import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { metaMap } from '@shared/case/case-doc'
import { readMember, writeMemberRole } from '@shared/case/members'
import { checkCaseTrust, type CaseTrust } from '@shared/case/signatures/case-trust'
import type { Signing } from '@shared/case/signatures/signed-decisions'
import { seenInCase } from '@shared/case/signatures/trust-pins'
import { swarmroom } from '../../api'
import type { RoomTrust } from './trust-context'

const CHECK_DELAY_MS = 150

export function useCaseTrust(roomId: string, doc: Y.Doc, me: string): RoomTrust {
  const [trust, setTrust] = useState<CaseTrust | null>(null)
  const [caseRoom, setCaseRoom] = useState(() => seenInCase(doc, roomId).caseRoom)

  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let running = Promise.resolve()
    const check = async (): Promise<void> => {
      const pinned = await swarmroom.trust.pin({ roomId, seen: seenInCase(doc, roomId) })
      if (!pinned.ok || cancelled) return
      const checked = await checkCaseTrust(doc, pinned.value)
      if (cancelled) return
      setCaseRoom(pinned.value.caseRoom)
      setTrust(checked)
      if (pinned.value.lastOwner !== checked.owner.verified) {
        await swarmroom.trust.pin({
          roomId,
          seen: pinned.value,
          verifiedOwner: checked.owner.verified,
        })
      }
      if (checked.owner.forged && checked.owner.verified === me) restoreOwner(doc, me)
    }
    const schedule = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        running = running.then(check).catch((error: unknown) => console.warn('trust check', error))
      }, CHECK_DELAY_MS)
    }
    schedule()
    doc.on('update', schedule)
    return () => {
      cancelled = true
      clearTimeout(timer)
      doc.off('update', schedule)
    }
  }, [roomId, doc, me])

  const signing = useMemo<Signing>(
    () => ({
      caseRoom,
      sign: async (payload) => {
        const result = await swarmroom.identity.sign({ payload })
        if (!result.ok) throw new Error(result.error.message)
        return result.value.signature
      },
    }),
    [caseRoom],
  )
  return { trust, signing }
}

/** The verified owner takes back what a forged `meta.ownerId` took from them. */
function restoreOwner(doc: Y.Doc, me: string): void {
  const member = readMember(doc, me)
  doc.transact(() => {
    metaMap(doc).set('ownerId', me)
    if (member && member.role !== 'owner') writeMemberRole(doc, me, 'owner', member.expertise)
  })
}
