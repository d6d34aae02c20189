/** Search across the cases on this computer. */
import type { searchChannels } from '@shared/channels/search'
import type { HandlersOf } from '../ipc-dispatch'
import type { CaseSearch } from './case-search'

export interface SearchHandlerServices {
  search: CaseSearch
}

export function createSearchHandlers({
  search,
}: SearchHandlerServices): HandlersOf<typeof searchChannels> {
  return {
    'search:cases': ({ query }) => search.search(query),
  }
}
