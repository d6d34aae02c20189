import { useEffect, useState } from 'react'

/** Re-reads `read()` whenever `target` or anything inside it changes, locally or from a peer. */
interface Observable {
  observeDeep(listener: () => void): void
  unobserveDeep(listener: () => void): void
}

export function useYRead<T>(target: Observable, read: () => T): T {
  const [, setVersion] = useState(0)
  useEffect(() => {
    const onChange = (): void => setVersion((version) => version + 1)
    target.observeDeep(onChange)
    return () => target.unobserveDeep(onChange)
  }, [target])
  return read()
}
