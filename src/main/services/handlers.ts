/** What each IPC channel does, as plain functions over the services: no electron here. */
import { createCoreHandlers } from './core-handlers'
import { createExportHandlers } from './export-handlers'
import { createDesktopHandlers } from './desktop-handlers'
import type { Handlers } from './ipc-dispatch'
import { createSearchHandlers } from './search-handlers'
import { createNetworkHandlers } from './network-handlers'
import type { Services } from './services'

export function createHandlers(services: Services): Handlers {
  return {
    ...createCoreHandlers(services),
    ...createSearchHandlers(services),
    ...createDesktopHandlers(services),
    ...createNetworkHandlers(services),
    ...createExportHandlers(services),
  }
}
