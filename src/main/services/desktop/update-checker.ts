/**
 * Updates from the team's own HTTPS folder (electron-updater's generic provider): checked at
 * start and once a day, downloaded in the background, installed when the app quits, and
 * announced to the window so the user can restart now. Off while no update address is set.
 */
import type { UpdateStatus } from '@shared/channels/desktop'
import { AppError } from '@shared/result'
import type { Emit } from '../ports'

/** The part of electron-updater's `autoUpdater` Swarmroom uses. */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<unknown>
  quitAndInstall(): void
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export interface UpdateCheckerOptions {
  /** Loads the updater; only called once an address is set, so no address means no updater. */
  updater: () => Promise<Updater>
  /** The team's update folder, from the settings; `''` turns updates off. */
  url: () => string
  emit: Emit
  /** Defaults to once a day. */
  intervalMs?: number
  setInterval?: (run: () => void, ms: number) => { unref?: () => void }
  clearInterval?: (timer: unknown) => void
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Only https, or http to this computer (a test server): the installer must not be swapped. */
export function updateUrlProblem(url: string): string | null {
  if (url === '') return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'The update address is not a web address.'
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback)) return null
  return 'The update address must start with https:// so that nobody can swap the installer.'
}

export class UpdateChecker {
  private status: UpdateStatus = { state: 'off' }
  private updater: Updater | undefined
  private timer: unknown

  constructor(private readonly options: UpdateCheckerOptions) {}

  get current(): UpdateStatus {
    return this.status
  }

  /** Starts checking if an address is set (at start, and again when the settings change). */
  async start(): Promise<UpdateStatus> {
    this.stop()
    const url = this.options.url()
    const problem = updateUrlProblem(url)
    if (url === '' || problem) {
      this.status = problem ? { state: 'error', message: problem } : { state: 'off' }
      return this.status
    }
    const updater = this.updater ?? (await this.load())
    updater.setFeedURL({ provider: 'generic', url })
    const every = this.options.intervalMs ?? DAY_MS
    const schedule = this.options.setInterval ?? setInterval
    const timer = schedule(() => void this.check(), every)
    timer.unref?.()
    this.timer = timer
    await this.check()
    return this.status
  }

  stop(): void {
    if (this.timer !== undefined) (this.options.clearInterval ?? clearInterval)(this.timer as never)
    this.timer = undefined
  }

  /** Restarts into the downloaded version (it would otherwise be installed at the next quit). */
  install(): void {
    if (this.status.state !== 'ready' || !this.updater) {
      throw new AppError('invalid-input', 'No update has been downloaded yet.')
    }
    this.updater.quitAndInstall()
  }

  private async load(): Promise<Updater> {
    const updater = await this.options.updater()
    updater.autoDownload = true
    updater.autoInstallOnAppQuit = true
    updater.on('update-downloaded', ({ version }) => {
      this.status = { state: 'ready', version }
      this.options.emit('app:updateReady', { version })
    })
    updater.on('error', (error) => {
      console.warn('checking for updates failed', error)
      if (this.status.state !== 'ready') {
        this.status = {
          state: 'error',
          message: `Swarmroom could not check for updates: ${error.message}`,
        }
      }
    })
    this.updater = updater
    return updater
  }

  private async check(): Promise<void> {
    if (!this.updater || this.status.state === 'ready') return
    this.status = { state: 'checking' }
    try {
      await this.updater.checkForUpdates()
      if (this.status.state === 'checking') this.status = { state: 'idle' }
    } catch (error) {
      // The 'error' event says it too; this keeps a failed check from rejecting a timer.
      const message = error instanceof Error ? error.message : String(error)
      this.status = { state: 'error', message: `Swarmroom could not check for updates: ${message}` }
    }
  }
}
