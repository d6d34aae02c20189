/**
 * The window's size and position, remembered between starts in `window-state.json`. A saved
 * place is used only while it still lies on a display (a monitor may have been unplugged), and
 * an unreadable file just means the default size.
 */
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  /** Absent until the user moved or resized the window: the OS places it. */
  bounds?: Rectangle
  maximized: boolean
}

const rectangleSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
})
const stateSchema = z.object({ bounds: rectangleSchema.optional(), maximized: z.boolean() })

/** How much of a saved window must be on some display (each way) to be shown there again. */
const VISIBLE_PIXELS = 80

export class WindowStateStore {
  private readonly file: string

  constructor(
    dataFolder: string,
    private readonly defaults: {
      width: number
      height: number
      minWidth: number
      minHeight: number
    },
  ) {
    this.file = join(dataFolder, 'window-state.json')
  }

  /** The state to open with, given the work areas of the displays connected now. */
  load(workAreas: readonly Rectangle[]): WindowState {
    let saved: WindowState
    try {
      saved = stateSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')))
    } catch {
      return { maximized: false }
    }
    const bounds = saved.bounds && this.fit(saved.bounds)
    if (!bounds || !workAreas.some((area) => overlaps(bounds, area))) {
      return { maximized: saved.maximized }
    }
    return { bounds, maximized: saved.maximized }
  }

  /** Saves the state; a failure is logged, never shown: the next start opens at the default. */
  async save(state: WindowState): Promise<void> {
    try {
      await writeFile(this.file, JSON.stringify(stateSchema.parse(state)))
    } catch (error) {
      console.warn('the window size and position could not be saved', error)
    }
  }

  private fit(bounds: Rectangle): Rectangle {
    return {
      ...bounds,
      width: Math.max(bounds.width, this.defaults.minWidth),
      height: Math.max(bounds.height, this.defaults.minHeight),
    }
  }
}

function overlaps(window: Rectangle, area: Rectangle): boolean {
  const across = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x)
  const down = Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y)
  return across >= VISIBLE_PIXELS && down >= VISIBLE_PIXELS
}
