/**
 * Updates as a support agent meets them: the team's update address typed in Settings, a
 * version downloaded in the background, and "Restart to update" over whatever screen is open.
 * electron-updater itself needs the Electron binary; a recording updater plays its part.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RecordingUpdater } from '../fixtures/recording-updater'
import { useApps } from './apps'
import { chooseName, SCREENSHOTS } from './harness'

describe('updates from the team’s update folder', () => {
  const apps = useApps()
  let folder: Server
  let folderUrl: string

  beforeAll(async () => {
    // A loopback update folder: http is accepted only for this computer.
    folder = createServer((_request, response) => response.end('version: 0.2.0\n'))
    await new Promise<void>((done) => folder.listen(0, '127.0.0.1', done))
    folderUrl = `http://127.0.0.1:${(folder.address() as AddressInfo).port}/swarmroom/`
  })
  afterAll(async () => {
    await new Promise((done) => folder.close(done))
  })

  it('checks the address set in Settings and offers a restart once a version is ready', async () => {
    const updater = new RecordingUpdater()
    const app = await apps.start(apps.folder(), { updater: async () => updater })
    await chooseName(app.page, 'Dana Whitfield')
    await app.page.getByRole('button', { name: 'Settings' }).click()
    const address = app.page.getByLabel(/Update address/)
    await address.fill('http://updates.example.com/swarmroom/')
    await app.page.getByRole('button', { name: 'Save settings' }).click()
    await expect
      .poll(() => app.page.getByText('The update address must start with https://').count())
      .toBe(1)
    expect(updater.checks).toBe(0)

    await address.fill(folderUrl)
    await app.page.getByRole('button', { name: 'Save settings' }).click()
    await expect.poll(() => app.page.getByText('Swarmroom is up to date.').count()).toBe(1)
    expect(updater.feeds).toEqual([{ provider: 'generic', url: folderUrl }])
    expect(updater.autoInstallOnAppQuit).toBe(true)

    updater.fire('update-downloaded', { version: '0.2.0' })
    const banner = app.page.getByRole('status').filter({ hasText: 'Swarmroom 0.2.0 is ready' })
    await expect.poll(() => banner.count()).toBe(1)
    await expect
      .poll(() =>
        app.page.getByText('Version 0.2.0 is ready: it is installed when you quit').count(),
      )
      .toBe(1)
    await app.page.screenshot({ path: join(SCREENSHOTS, 'update-ready.png'), fullPage: true })
    await banner.getByRole('button', { name: 'Restart to update' }).click()
    await expect.poll(() => updater.installs).toBe(1)
    expect(app.errors.filter((error) => !error.includes('404'))).toEqual([])
  })
})
