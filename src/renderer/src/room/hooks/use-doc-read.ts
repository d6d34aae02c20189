import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/**
 * Re-reads `read()` after every change to the document, for views that draw on several of its
 * parts at once (the completeness check reads four sections and the timeline).
 */
export function useDocRead<T>(doc: Y.Doc, read: () => T): T {
  const [, setVersion] = useState(0)
  useEffect(() => {
    const onChange = (): void => setVersion((version) => version + 1)
    doc.on('update', onChange)
    return () => doc.off('update', onChange)
  }, [doc])
  return read()
}
