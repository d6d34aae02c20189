/** Loads the editing traces in test/fixtures/traces (josephg/editing-traces, CC BY 4.0). */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'

export type Patch = [position: number, deleteCount: number, insertText: string]

export interface SequentialTrace {
  startContent: string
  endContent: string
  txns: { time: string; patches: Patch[] }[]
}

const TRACES =
  process.env['SWARMROOM_TRACES'] ?? resolve(import.meta.dirname, '../test/fixtures/traces')

export function loadTrace<T>(name: string): T {
  return JSON.parse(gunzipSync(readFileSync(resolve(TRACES, name))).toString('utf8')) as T
}
