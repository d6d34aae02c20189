/**
 * Main's log, in a file in the OS's log folder (`app.getPath('logs')`: ~/Library/Logs on
 * macOS, the user-data folder's logs/ elsewhere) through electron-log. Its Node flavour is
 * used: the Electron one registers IPC channels of its own, and the renderer may talk to main
 * only through the contract. Uncaught errors and rejected promises are logged rather than
 * shown as Electron's crash dialog.
 */
import { join } from 'node:path'
import log from 'electron-log/node'

export interface Logging {
  /** The log file, to name in messages to the user. */
  file: string
}

export function registerLogging(logFolder: string): Logging {
  const file = join(logFolder, 'main.log')
  log.transports.file.resolvePathFn = () => file
  log.transports.file.level = 'info'
  log.transports.file.maxSize = 5 * 1024 * 1024
  Object.assign(console, log.functions)
  process.on('uncaughtException', (error) => log.error('uncaught error in main', error))
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection in main', reason))
  return { file }
}
