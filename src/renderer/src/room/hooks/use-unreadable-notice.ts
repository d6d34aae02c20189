import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readMeta } from '@shared/case/case-doc'
import { unreadableNotice, unreadableValues } from '@shared/case/unreadable-values'
import type { Notice } from '@shared/ipc'

/** A pause after the last change before the whole case is read again, not on every keystroke. */
const SETTLE_MS = 300

/**
 * The notice naming the case when something a teammate wrote into it cannot be read (and so
 * is not shown); null while everything can.
 */
export function useUnreadableNotice(doc: Y.Doc): Notice | null {
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let logged = 0
    const check = (): void => {
      const found = unreadableValues(doc)
      // Where they are, for support; once per change in their number, not per keystroke.
      if (found.length !== logged && found.length > 0) console.warn('Unreadable values:', found)
      logged = found.length
      setMessage(found.length === 0 ? null : unreadableNotice(readMeta(doc).title))
    }
    const onUpdate = (): void => {
      clearTimeout(timer)
      timer = setTimeout(check, SETTLE_MS)
    }
    check()
    doc.on('update', onUpdate)
    return () => {
      clearTimeout(timer)
      doc.off('update', onUpdate)
    }
  }, [doc])
  return message === null ? null : { id: 'unreadable-values', level: 'warning', message }
}
