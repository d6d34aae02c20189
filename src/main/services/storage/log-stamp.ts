/** A room log's version on disk, to know when something kept from it must be read again. */
import { statSync } from 'node:fs'

/**
 * The log's size and modification time: they move with typing in the app, teammates' edits
 * arriving and compaction alike. `missing` for a log that is not there.
 */
export function logStamp(path: string): string {
  try {
    const stat = statSync(path)
    return `${stat.size}:${stat.mtimeMs}`
  } catch {
    return 'missing'
  }
}
