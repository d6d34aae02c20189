import { useCallback, useEffect, useRef, useState } from 'react'
import type { TicketContext } from '@shared/channels/tickets'
import { swarmroom } from '../../api'

export interface TicketContextState {
  /** What was read last, fresh or the saved copy; null until something is there. */
  context: TicketContext | null
  loading: boolean
  /** Why nothing can be read here (no connection to this help desk): not a failure. */
  unavailable: string | undefined
  /** Why the last reading failed, in words. */
  error: string | undefined
  refresh: () => void
}

/**
 * The linked ticket's conversation: the saved copy at once, then the help desk's answer, read
 * when the panel opens and on `refresh()`. Give the component using it a `key` per linked
 * ticket, so a case linked again starts from nothing.
 */
export function useTicketContext(roomId: string): TicketContextState {
  const [context, setContext] = useState<TicketContext | null>(null)
  const [loading, setLoading] = useState(true)
  const [unavailable, setUnavailable] = useState<string>()
  const [error, setError] = useState<string>()
  // Only the latest reading may land, and none after the panel closed.
  const latest = useRef(0)
  const open = useRef(true)

  const read = useCallback(() => {
    const reading = ++latest.current
    void swarmroom.tickets.read({ roomId }).then((result) => {
      if (reading !== latest.current || !open.current) return
      setLoading(false)
      if (result.ok) {
        setContext(result.value)
        setUnavailable(undefined)
        setError(undefined)
      } else if (result.error.code === 'invalid-input') {
        setUnavailable(result.error.message)
        setError(undefined)
      } else {
        setError(result.error.message)
      }
    })
  }, [roomId])

  const refresh = useCallback(() => {
    setLoading(true)
    read()
  }, [read])

  useEffect(() => {
    open.current = true
    void swarmroom.tickets.cached({ roomId }).then((result) => {
      if (open.current && result.ok && result.value) {
        const saved = result.value
        setContext((current) => current ?? saved)
      }
    })
    read()
    return () => {
      open.current = false
    }
  }, [roomId, read])

  return { context, loading, unavailable, error, refresh }
}
