/** Names for files Swarmroom sets aside instead of deleting (damaged logs, unreadable settings). */
import { existsSync } from 'node:fs'

/**
 * `<path>.<label>-<time>`, with `-2`, `-3`… added if that name is taken, so an earlier
 * set-aside file is never overwritten.
 */
export function keptAsidePath(path: string, label: string, now: Date): string {
  const base = `${path}.${label}-${now.toISOString().replace(/[:.]/g, '-')}`
  let candidate = base
  for (let attempt = 2; existsSync(candidate); attempt += 1) candidate = `${base}-${attempt}`
  return candidate
}
