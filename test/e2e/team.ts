/**
 * A team for end-to-end tests: Chromium, the built renderer, and the team's signaling server,
 * started once per test file; each teammate gets their own data folder, main services and
 * window, named and pointed at the team's server.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import {
  startSignalingServer,
  type SignalingServer,
} from '../../src/main/services/signaling-server'
import {
  chooseName,
  launchChromium,
  quitApp,
  serveRenderer,
  startApp,
  useTeamSignaling,
  type RunningApp,
} from './harness'

export interface Team {
  /** Starts one teammate's app, past the first run, using the team's signaling server. */
  teammate(name: string): Promise<RunningApp>
}

/** Registers the file's hooks; call at the top of a `describe`. */
export function useTeam(): Team {
  let browser: Browser
  let renderer: Awaited<ReturnType<typeof serveRenderer>>
  let teamServer: SignalingServer
  const folders: string[] = []
  const apps: RunningApp[] = []

  beforeAll(async () => {
    renderer = await serveRenderer()
    browser = await launchChromium()
    teamServer = await startSignalingServer()
  })

  afterAll(async () => {
    for (const app of apps) await quitApp(app)
    await browser?.close()
    await renderer?.close()
    await teamServer?.close()
    for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  })

  return {
    async teammate(name) {
      const folder = mkdtempSync(join(tmpdir(), 'swarmroom-e2e-team-'))
      folders.push(folder)
      const app = await startApp(browser, renderer.url, folder)
      apps.push(app)
      await chooseName(app.page, name)
      await useTeamSignaling(app.page, teamServer.url)
      return app
    },
  }
}
