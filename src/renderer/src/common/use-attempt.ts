import { useCallback, useState } from 'react'

export interface Attempt {
  /** The last change's error, as the sentence the document module threw; cleared on success. */
  error: string | undefined
  /** Runs a change to the case; returns whether it went through. */
  run: (change: () => void) => boolean
  /** Runs a change that waits first (a signature from main); resolves to whether it went through. */
  runAsync: (change: () => Promise<unknown>) => Promise<boolean>
  /** Shows a problem found before any change was tried. */
  fail: (message: string) => void
  clear: () => void
}

/** Workflow changes throw a sentence when they are not allowed; this shows it instead. */
export function useAttempt(): Attempt {
  const [error, setError] = useState<string>()
  const run = useCallback((change: () => void): boolean => {
    try {
      change()
      setError(undefined)
      return true
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
      return false
    }
  }, [])
  const runAsync = useCallback(async (change: () => Promise<unknown>): Promise<boolean> => {
    try {
      await change()
      setError(undefined)
      return true
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
      return false
    }
  }, [])
  const clear = useCallback(() => setError(undefined), [])
  return { error, run, runAsync, fail: setError, clear }
}
