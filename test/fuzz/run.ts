/**
 * The long fuzz run: `npm run fuzz -- --inputs 100000 --logs 40000 --seed 7`. Prints the
 * figures as JSON and exits non-zero when anything crashed, hung, diverged, could not be shown
 * or was lost without a copy.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runLogFuzz } from './fuzz-logs'
import { runFuzz } from './fuzz-room'

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  const value = at === -1 ? undefined : Number(process.argv[at + 1])
  return value !== undefined && Number.isSafeInteger(value) ? value : fallback
}

const seed = option('seed', 1)
const messages = runFuzz({ inputs: option('inputs', 100_000), seed })
const folder = mkdtempSync(join(tmpdir(), 'swarmroom-fuzz-logs-'))
const logs = runLogFuzz({ logs: option('logs', 40_000), seed, folder })
rmSync(folder, { recursive: true, force: true })
console.log(
  JSON.stringify({ messages, logs: { ...logs, failures: logs.failures.slice(0, 20) } }, null, 2),
)
const bad =
  messages.crashes +
  messages.hangs +
  messages.divergences +
  messages.unrenderable +
  logs.crashes +
  logs.framesLost +
  logs.unrenderable
process.exitCode = bad === 0 ? 0 : 1
