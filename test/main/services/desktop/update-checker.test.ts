/**
 * Updates through the checker's interface to electron-updater: a recording updater stands in
 * for `autoUpdater`, which needs the Electron binary and a real update server (not covered
 * here). What this guards: an app that checks a default address the team never set, an
 * installer fetched over plain http, a check that stops after the first day, and an update
 * that is announced but cannot be installed.
 */
import { describe, expect, it } from 'vitest'
import type { EventName } from '../../../../src/shared/ipc'
import { UpdateChecker } from '../../../../src/main/services/desktop/update-checker'
import { RecordingUpdater } from '../../../fixtures/recording-updater'

function setUp(url: string): {
  checker: UpdateChecker
  updater: RecordingUpdater
  loads: () => number
  tick: () => void
  emitted: { event: EventName; payload: unknown }[]
} {
  const updater = new RecordingUpdater()
  let loads = 0
  let timer: (() => void) | undefined
  const emitted: { event: EventName; payload: unknown }[] = []
  const checker = new UpdateChecker({
    updater: async () => {
      loads += 1
      return updater
    },
    url: () => url,
    emit: (event, payload) => emitted.push({ event, payload }),
    setInterval: (run) => {
      timer = run
      return {}
    },
    clearInterval: () => {
      timer = undefined
    },
  })
  return { checker, updater, loads: () => loads, tick: () => timer?.(), emitted }
}

describe('updates from the team’s update folder', () => {
  it('stays off, loading no updater, while no address is set', async () => {
    const { checker, loads } = setUp('')
    expect(await checker.start()).toEqual({ state: 'off' })
    expect(loads()).toBe(0)
  })

  it('refuses an http address that is not on this computer', async () => {
    const { checker, loads } = setUp('http://updates.example.com/swarmroom/')
    expect(await checker.start()).toEqual({
      state: 'error',
      message: 'The update address must start with https:// so that nobody can swap the installer.',
    })
    expect(loads()).toBe(0)
  })

  it('checks the generic feed at start and again every day, downloading and installing on quit', async () => {
    const { checker, updater, tick } = setUp('https://it.example.com/swarmroom/')
    expect(await checker.start()).toEqual({ state: 'idle' })
    expect(updater.feeds).toEqual([
      { provider: 'generic', url: 'https://it.example.com/swarmroom/' },
    ])
    expect(updater.autoDownload).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(true)
    expect(updater.checks).toBe(1)
    tick()
    tick()
    expect(updater.checks).toBe(3)
  })

  it('announces a downloaded update and restarts into it when asked', async () => {
    const { checker, updater, emitted } = setUp('https://it.example.com/swarmroom/')
    await checker.start()
    expect(() => checker.install()).toThrow('No update has been downloaded yet.')
    updater.fire('update-downloaded', { version: '0.2.0' })
    expect(checker.current).toEqual({ state: 'ready', version: '0.2.0' })
    expect(emitted).toEqual([{ event: 'app:updateReady', payload: { version: '0.2.0' } }])
    checker.install()
    expect(updater.installs).toBe(1)
  })

  it('says a check failed in plain words and tries again the next day', async () => {
    const { checker, updater, tick } = setUp('https://it.example.com/swarmroom/')
    updater.failNext = new Error('net::ERR_NAME_NOT_RESOLVED')
    expect(await checker.start()).toEqual({
      state: 'error',
      message: 'Swarmroom could not check for updates: net::ERR_NAME_NOT_RESOLVED',
    })
    tick()
    await Promise.resolve()
    expect(checker.current).toEqual({ state: 'idle' })
  })
})
