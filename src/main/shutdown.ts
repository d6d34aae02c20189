/**
 * Quitting: windows close first, each given the time its renderer needs to write what was
 * typed (it holds its unload until the last edits are on disk); only then do main's services
 * stop. A window that still refuses to unload after the timeout (its saves keep failing, e.g.
 * on a full disk) is destroyed, so quitting always finishes, and the user is told.
 */
import type { App, BrowserWindow } from 'electron'

export interface ShutdownOptions {
  app: Pick<App, 'on' | 'quit'>
  windows: () => BrowserWindow[]
  /** Called first, so that closing a window closes it rather than hiding it in the tray. */
  beginQuitting: () => void
  stopServices: () => Promise<void>
  /** How long a window may take to save before it is destroyed. */
  saveTimeoutMs: number
  /** Some windows were destroyed with edits not saved: say so before the app goes. */
  tellUnsaved: (windows: number) => void
}

export function registerShutdown(options: ShutdownOptions): void {
  let shuttingDown = false
  options.app.on('before-quit', (event) => {
    if (shuttingDown) return
    shuttingDown = true
    event.preventDefault()
    options.beginQuitting()
    closeWindows(options.windows(), options.saveTimeoutMs)
      .then((forced) => {
        if (forced > 0) options.tellUnsaved(forced)
        return options.stopServices()
      })
      .catch((error: unknown) => console.error('saving before quit failed', error))
      .finally(() => options.app.quit())
  })
}

/** Closes every window; answers how many had to be destroyed after the timeout. */
export async function closeWindows(windows: BrowserWindow[], timeoutMs: number): Promise<number> {
  const results = await Promise.all(
    windows.map(
      (window) =>
        new Promise<boolean>((done) => {
          if (window.isDestroyed()) return done(false)
          const timer = setTimeout(() => {
            if (window.isDestroyed()) return done(false)
            console.error('a window did not finish saving in time and was closed')
            done(true)
            window.destroy()
          }, timeoutMs)
          window.once('closed', () => {
            clearTimeout(timer)
            done(false)
          })
          window.close()
        }),
    ),
  )
  return results.filter(Boolean).length
}
