/**
 * The long fuzz run: `npm run fuzz -- --inputs 100000 --seed 7`. Prints the figures as JSON
 * and exits non-zero when anything crashed, hung, diverged or could not be shown.
 */
import { runFuzz } from './fuzz-room'

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  const value = at === -1 ? undefined : Number(process.argv[at + 1])
  return value !== undefined && Number.isSafeInteger(value) ? value : fallback
}

const figures = runFuzz({ inputs: option('inputs', 100_000), seed: option('seed', 1) })
console.log(JSON.stringify(figures, null, 2))
const bad = figures.crashes + figures.hangs + figures.divergences + figures.unrenderable
process.exitCode = bad === 0 ? 0 : 1
