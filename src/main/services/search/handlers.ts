/** Search across the cases on this computer. */
import type { searchChannels } from '../../shared/channels/search'
import type { HandlersOf } from './ipc-dispatch'
import type { Services } from './services'

export function createSearchHandlers(services: Services): HandlersOf<typeof searchChannels> {
  return {
    'search:cases': ({ query }) => services.search.search(query),
  }
}
