/** What each IPC channel does, gathered from each feature's handlers: no electron here. */
import { createCasesHandlers } from './cases/handlers'
import { createDesktopHandlers } from './desktop/handlers'
import { createExportHandlers } from './export/handlers'
import { createIdentityHandlers } from './identity/handlers'
import { createInsightsHandlers } from './insights/handlers'
import type { Handlers } from './ipc-dispatch'
import { createRoomsHandlers } from './rooms/handlers'
import { createSearchHandlers } from './search/handlers'
import type { Services } from './services'
import { createTicketsHandlers } from './tickets/handlers'

export function createHandlers(services: Services): Handlers {
  return {
    ...createCasesHandlers(services),
    ...createRoomsHandlers(services),
    ...createSearchHandlers(services),
    ...createInsightsHandlers(services),
    ...createDesktopHandlers({
      ...services,
      notices: () => services.app.notices,
      updateUrl: {
        get: () => services.app.data.settings.updateUrl,
        set: (url) =>
          services.app.update((data) => {
            data.settings.updateUrl = url
          }),
      },
      appearance: {
        get: () => services.app.data.settings.appearance,
        set: (appearance) =>
          services.app.update((data) => {
            data.settings.appearance = appearance
          }),
      },
    }),
    ...createExportHandlers(services),
    ...createIdentityHandlers(services),
    ...createTicketsHandlers(services),
  }
}
