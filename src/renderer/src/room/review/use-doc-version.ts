import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/**
 * A number that changes after the document does (from this window or a teammate), at most
 * once per frame: review's panels read the whole case, so they re-read on any change.
 */
export function useDocVersion(doc: Y.Doc): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let frame = 0
    const onUpdate = (): void => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setVersion((current) => current + 1))
    }
    doc.on('update', onUpdate)
    return () => {
      cancelAnimationFrame(frame)
      doc.off('update', onUpdate)
    }
  }, [doc])
  return version
}
