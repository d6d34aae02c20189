/**
 * `npm install` and `npm start` run scripts/install-electron.mjs to fetch the Electron binary.
 * This checks only the path these machines can take: with ELECTRON_SKIP_BINARY_DOWNLOAD set it
 * must exit cleanly without touching the network. The download itself needs the internet and
 * is not covered here.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const script = resolve(import.meta.dirname, '../../scripts/install-electron.mjs')

describe('installing the Electron binary', () => {
  it('skips the download, saying so, when ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    const run = spawnSync(process.execPath, [script], {
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      encoding: 'utf8',
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(
      'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set).',
    )
  })
})
