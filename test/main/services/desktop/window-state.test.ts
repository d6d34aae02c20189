/**
 * The window opens where the user left it, in real files. What this guards: a window restored
 * onto a monitor that is no longer connected (off screen, unreachable), and a damaged
 * window-state.json stopping the app from opening a window at all.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WindowStateStore } from '../../../../src/main/services/desktop/window-state'
import { useTempFolder } from '../../../fixtures/temp-folder'

const tempFolder = useTempFolder()
const DEFAULTS = { width: 1280, height: 860, minWidth: 900, minHeight: 600 }
const LAPTOP = { x: 0, y: 0, width: 1440, height: 900 }
const MONITOR = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('remembering the window', () => {
  it('opens where it was saved, maximized or not', async () => {
    const store = new WindowStateStore(tempFolder(), DEFAULTS)
    const bounds = { x: 1600, y: 100, width: 1200, height: 800 }
    await store.save({ bounds, maximized: true })
    expect(new WindowStateStore(tempFolder(), DEFAULTS).load([LAPTOP, MONITOR])).toEqual({
      bounds,
      maximized: true,
    })
  })

  it('lets the system place a window whose monitor is gone', async () => {
    const store = new WindowStateStore(tempFolder(), DEFAULTS)
    await store.save({ bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: false })
    expect(store.load([LAPTOP])).toEqual({ maximized: false })
  })

  it('keeps the minimum size when the saved one is smaller', async () => {
    const store = new WindowStateStore(tempFolder(), DEFAULTS)
    await store.save({ bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false })
    expect(store.load([LAPTOP]).bounds).toEqual({ x: 10, y: 10, width: 900, height: 600 })
  })

  it('opens at the default size when the file is damaged or missing', () => {
    const store = new WindowStateStore(tempFolder(), DEFAULTS)
    expect(store.load([LAPTOP])).toEqual({ maximized: false })
    writeFileSync(join(tempFolder(), 'window-state.json'), '{"bounds": {"x": "left"')
    expect(store.load([LAPTOP])).toEqual({ maximized: false })
  })

  it('saves only what it can read back', async () => {
    const store = new WindowStateStore(tempFolder(), DEFAULTS)
    await store.save({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: false })
    expect(JSON.parse(readFileSync(join(tempFolder(), 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 5, y: 6, width: 1000, height: 700 },
      maximized: false,
    })
  })
})
