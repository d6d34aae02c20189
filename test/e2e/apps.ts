/**
 * What end-to-end tests share: Chromium, the built renderer and a team signaling server,
 * started once per test file, and members' apps, each over its own data folder, quit and
 * removed after the file's tests.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import {
  browserOrigin,
  startSignalingServer,
  type SignalingServer,
} from '../../src/main/services/signaling/signaling-server'
import {
  chooseName,
  launchChromium,
  quitApp,
  serveRenderer,
  startApp,
  useTeamSignaling,
  type AppOptions,
  type RunningApp,
} from './harness'

export interface Apps {
  readonly rendererUrl: string
  /** A new, empty data folder for one member's app. */
  folder(): string
  /** Starts an app over `folder`; the same folder again is a restart. */
  start(folder: string, options?: AppOptions): Promise<RunningApp>
  /** Starts a teammate's app, past the first run, using the team's signaling server. */
  teammate(name: string): Promise<RunningApp>
}

/** Registers the file's hooks; call at the top of a `describe`. */
export function useApps(): Apps {
  let browser: Browser
  let renderer: Awaited<ReturnType<typeof serveRenderer>>
  let teamServer: SignalingServer
  const folders: string[] = []
  const running: RunningApp[] = []

  beforeAll(async () => {
    renderer = await serveRenderer()
    browser = await launchChromium()
    // The team's server on another computer lets in the app's page, as the app's own does.
    teamServer = await startSignalingServer({ allowedOrigins: [browserOrigin(renderer.url)] })
  })

  afterAll(async () => {
    for (const app of running) await quitApp(app)
    await browser?.close()
    await renderer?.close()
    await teamServer?.close()
    for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  })

  const apps: Apps = {
    get rendererUrl() {
      return renderer.url
    },
    folder() {
      const folder = mkdtempSync(join(tmpdir(), 'swarmroom-e2e-'))
      folders.push(folder)
      return folder
    },
    async start(folder, options) {
      const app = await startApp(browser, renderer.url, folder, options)
      running.push(app)
      return app
    },
    async teammate(name) {
      const app = await apps.start(apps.folder())
      await chooseName(app.page, name)
      await useTeamSignaling(app.page, teamServer.url)
      return app
    },
  }
  return apps
}
