import { useEffect, useState } from 'react'
import type { ExportProgress } from '@shared/channels/export'
import { swarmroom } from '../../api'

/**
 * Live progress of the exports this computer's outbox holds for a case, by export id and part:
 * what is being sent right now, and when a waiting part is tried again. (What every member
 * sees, the case's `exports` log, is read from the document.)
 */
export function useExportProgress(roomId: string): ReadonlyMap<string, ExportProgress> {
  const [parts, setParts] = useState<ReadonlyMap<string, ExportProgress>>(new Map())

  useEffect(() => {
    let cancelled = false
    const merge = (items: readonly ExportProgress[]): void =>
      setParts((current) => {
        const next = new Map(current)
        for (const item of items) next.set(progressKey(item.exportId, item.part), item)
        return next
      })
    const stop = swarmroom.events.on('export:changed', (item) => {
      if (item.roomId === roomId) merge([item])
    })
    void swarmroom.export.progress({ roomId }).then((result) => {
      if (!cancelled && result.ok) merge(result.value)
    })
    return () => {
      cancelled = true
      stop()
    }
  }, [roomId])

  return parts
}

export function progressKey(exportId: string, part: 'note' | 'reply'): string {
  return `${exportId}:${part}`
}
