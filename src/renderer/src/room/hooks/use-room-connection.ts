/**
 * Joins an open case to its room (peers over WebRTC, the team relay when the case uses one)
 * and keeps this member's presence in it. Follows the browser's online/offline events: going
 * offline stops all traffic (edits keep going to disk), coming back rejoins and both sides
 * exchange what they wrote meanwhile.
 */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { readMembers, membersMap } from '@shared/case/members'
import type { Identity } from '@shared/ipc'
import { onPeerMessageProblem } from '@shared/room/peer-messages'
import { setLocalPresence } from '@shared/room/presence'
import { RoomConnection } from '@shared/room/room-connection'
import { OFFLINE_STATUS, type RoomStatus } from '@shared/room/room-status'
import { swarmroom } from '../../api'

export interface RoomLink {
  status: RoomStatus
  /** True once the room has been reachable, so a loss reads "reconnecting". */
  everConnected: boolean
  /** Why the room cannot connect at all (the key is unreadable, say); the case still works. */
  problem?: string
  /** Something a teammate's app sent that had to be ignored; the room carries on. */
  peerProblem?: string
}

const STARTING: RoomStatus = { ...OFFLINE_STATUS, state: 'connecting' }

export function useRoomConnection(
  roomId: string,
  doc: Y.Doc,
  awareness: Awareness,
  identity: Identity,
  /** Changes when the case's relay setting changes, to reconnect with it. */
  generation: number,
): RoomLink {
  const [link, setLink] = useState<RoomLink>({ status: STARTING, everConnected: false })

  useEffect(() => {
    let cancelled = false
    let connection: RoomConnection | undefined
    const members = membersMap(doc)
    const announce = (): void => {
      const role = readMembers(doc).get(identity.memberId)?.role ?? 'contributor'
      setLocalPresence(awareness, { ...identity, role })
    }
    announce()
    members.observe(announce)
    const stopProblems = onPeerMessageProblem((peerProblem) =>
      setLink((previous) => ({ ...previous, peerProblem })),
    )
    const online = (): void => void connection?.goOnline()
    const offline = (): void => connection?.goOffline()

    void swarmroom.room.connection({ roomId }).then(async (result) => {
      if (cancelled) return
      if (!result.ok) {
        setLink({
          status: { ...STARTING, state: 'offline' },
          everConnected: false,
          problem: result.error.message,
        })
        return
      }
      const { key, signalingUrls, iceServers, relay } = result.value
      const opened = await RoomConnection.open(doc, {
        roomId,
        key,
        signalingUrls,
        iceServers,
        awareness,
        webrtc: { RTCPeerConnection, RTCSessionDescription, RTCIceCandidate },
        ...(relay ? { relay } : {}),
      })
      if (cancelled) {
        void opened.destroy()
        return
      }
      connection = opened
      const show = (status: RoomStatus): void =>
        setLink((previous) => ({
          ...previous,
          status,
          everConnected: previous.everConnected || status.state === 'connected',
        }))
      opened.onStatus(show)
      show(opened.status)
      if (!navigator.onLine) opened.goOffline()
      window.addEventListener('online', online)
      window.addEventListener('offline', offline)
    })

    return () => {
      cancelled = true
      members.unobserve(announce)
      stopProblems()
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
      void connection?.destroy()
    }
  }, [roomId, doc, awareness, identity, generation])

  return link
}
