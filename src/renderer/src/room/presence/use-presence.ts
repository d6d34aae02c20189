import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { readPresence, type Presence } from '@shared/room/presence'

/** The other people in the room, re-read whenever anyone's presence changes. */
export function usePresence(awareness: Awareness, ownMemberId: string): Presence[] {
  const [people, setPeople] = useState(() => readPresence(awareness, ownMemberId))
  useEffect(() => {
    const update = (): void => setPeople(readPresence(awareness, ownMemberId))
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness, ownMemberId])
  return people
}
