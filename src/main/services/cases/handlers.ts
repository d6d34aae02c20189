/** The cases channels: thin calls into the case index and the case service. */
import type { casesChannels } from '@shared/channels/cases'
import type { HandlersOf } from '../ipc-dispatch'
import type { AppStore } from '../storage/app-store'
import type { CaseIndex } from './case-index'
import type { CaseService } from './case-service'

export interface CasesHandlerServices {
  app: AppStore
  caseIndex: CaseIndex
  cases: CaseService
}

export function createCasesHandlers({
  app,
  caseIndex,
  cases,
}: CasesHandlerServices): HandlersOf<typeof casesChannels> {
  return {
    'identity:get': () => app.data.identity,
    'identity:set': ({ name }) => cases.setIdentity(name),
    'cases:list': () => caseIndex.list(),
    'cases:create': (input) => cases.create(input),
    'cases:join': ({ link }) => cases.join(link),
    'cases:updateSummary': ({ roomId, ...changes }) => cases.updateSummary(roomId, changes),
    'cases:setArchived': ({ roomId, archived }) => cases.setArchived(roomId, archived),
    'cases:delete': async ({ roomId }) => {
      await cases.delete(roomId)
      return null
    },
  }
}
