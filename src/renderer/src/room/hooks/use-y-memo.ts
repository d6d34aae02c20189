import { useEffect, useState } from 'react'

interface Observable {
  observeDeep(listener: () => void): void
  unobserveDeep(listener: () => void): void
}

/**
 * Like useYRead, but reads only when `target` or anything inside it changes, not on every
 * render: for reads that depend on nothing else and cost enough to matter (every timeline
 * entry checked against its schema).
 */
export function useYMemo<T>(target: Observable, read: () => T): T {
  const [state, setState] = useState(() => ({ target, value: read() }))
  useEffect(() => {
    const onChange = (): void => setState({ target, value: read() })
    target.observeDeep(onChange)
    return () => target.unobserveDeep(onChange)
    // `read` is a new closure each render over the same target; the target is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target])
  // A new target (another case's document) is read at once, not after its first change.
  if (state.target !== target) {
    const value = read()
    setState({ target, value })
    return value
  }
  return state.value
}
