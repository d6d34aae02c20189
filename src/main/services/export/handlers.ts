/** Channels of help-desk connections and exports: thin calls into the services. */
import type { exportChannels } from '@shared/channels/export'
import { AppError } from '@shared/result'
import { InvalidConnectionError } from './connectors/connection'
import { HelpDeskError } from './connectors/connector'
import type { HandlersOf } from '../ipc-dispatch'
import type { ConnectionsService } from './connections'
import type { ExportService } from './export-service'
import type { TicketLinks } from './ticket-links'

/**
 * A help desk's or a connection's failure as an error the renderer shows as it is: their
 * messages are already written for a support agent. Anything else is left to the dispatcher.
 */
async function agentErrors<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof HelpDeskError)
      throw new AppError('help-desk', error.message, { cause: error })
    if (error instanceof InvalidConnectionError) {
      throw new AppError('invalid-input', error.message, { cause: error })
    }
    throw error
  }
}

export interface ExportHandlerServices {
  connections: ConnectionsService
  exports: ExportService
  tickets: TicketLinks
}

export function createExportHandlers({
  connections,
  exports,
  tickets,
}: ExportHandlerServices): HandlersOf<typeof exportChannels> {
  return {
    'connections:list': () => connections.list(),
    'connections:add': (input) => connections.add(input),
    'connections:update': (input) => connections.update(input),
    'connections:remove': async ({ id }) => {
      await connections.remove(id)
      return null
    },
    'connections:setDocsApiKey': async ({ id, apiKey }) => {
      await connections.setDocsApiKey(id, apiKey)
      return null
    },
    'connections:test': ({ id }) => connections.test(id),
    'export:linkTicket': ({ roomId, url, connectionId }) =>
      agentErrors(() => tickets.link(roomId, url, connectionId)),
    'export:lookUpTicket': ({ url, connectionId }) =>
      agentErrors(() => tickets.lookUp(url, connectionId)),
    'export:readTicket': ({ roomId, connectionId }) =>
      agentErrors(() => tickets.refresh(roomId, connectionId)),
    'export:preview': ({ roomId, connectionId }) =>
      agentErrors(() => exports.preview(roomId, connectionId)),
    'export:send': (input) => agentErrors(() => exports.send(input)),
    'export:progress': ({ roomId }) => exports.progress(roomId),
    'export:retry': ({ roomId, exportId }) => agentErrors(() => exports.retry(roomId, exportId)),
    'export:cancel': ({ roomId, exportId }) => agentErrors(() => exports.cancel(roomId, exportId)),
    'export:saveFile': ({ roomId, part, format }) => exports.saveFile(roomId, part, format),
  }
}
