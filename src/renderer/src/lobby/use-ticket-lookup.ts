import { useRef, useState } from 'react'
import type { ConnectionChoice, TicketLookup } from '@shared/channels/export'
import { swarmroom } from '../api'

export type LookupState =
  | { state: 'idle' }
  | { state: 'reading'; address: string }
  | { state: 'read'; found: Extract<TicketLookup, { state: 'found' }>; address: string }
  | { state: 'choose'; message: string; choices: ConnectionChoice[]; address: string }
  | { state: 'failed'; message: string }

/** Whether the text is a web address worth asking the help desk about (not a bare ticket id). */
export function isAddress(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim())
}

/**
 * Reads a pasted ticket address through the help-desk connections; only the latest address
 * asked about counts, so a slow answer for an earlier paste never fills the form.
 */
export function useTicketLookup(): {
  lookup: LookupState
  lookUp: (address: string, connectionId?: string) => Promise<LookupState>
} {
  const [lookup, setLookup] = useState<LookupState>({ state: 'idle' })
  const latest = useRef(0)

  async function lookUp(address: string, connectionId?: string): Promise<LookupState> {
    const asked = ++latest.current
    const url = address.trim()
    setLookup({ state: 'reading', address: url })
    const result = await swarmroom.export.lookUpTicket(
      connectionId === undefined ? { url } : { url, connectionId },
    )
    const next: LookupState = !result.ok
      ? { state: 'failed', message: result.error.message }
      : result.value.state === 'choose-connection'
        ? {
            state: 'choose',
            message: result.value.message,
            choices: result.value.choices,
            address: url,
          }
        : { state: 'read', found: result.value, address: url }
    if (asked === latest.current) setLookup(next)
    return asked === latest.current ? next : { state: 'idle' }
  }

  return { lookup, lookUp }
}
