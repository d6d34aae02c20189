// Installs the Electron binary for `npm start`: since Electron 42 the electron package no longer
// downloads it on install, and electron-vite only reads the path it would have written.
// Skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1, for machines that build and test without it.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD
if (skip && skip !== '0' && skip !== 'false') {
  console.log('Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set).')
  process.exit(0)
}

const installer = createRequire(import.meta.url).resolve('electron/install.js')
const result = spawnSync(process.execPath, [installer], { stdio: 'inherit' })
if (result.status !== 0) {
  console.error(
    'The Electron binary could not be downloaded. Check the internet connection (or a proxy: ' +
      'see https://www.electronjs.org/docs/latest/tutorial/installation) and run npm start again.',
  )
  process.exit(result.status ?? 1)
}
