/** The leads' insights across the cases on this computer. */
import type { insightsChannels } from '@shared/channels/insights'
import type { HandlersOf } from '../ipc-dispatch'
import type { CaseInsights } from './case-insights'

export interface InsightsHandlerServices {
  insights: CaseInsights
}

export function createInsightsHandlers({
  insights,
}: InsightsHandlerServices): HandlersOf<typeof insightsChannels> {
  return {
    'insights:report': (request) => insights.report(request),
    'insights:saveCsv': ({ filter }) => insights.saveCsv(filter),
  }
}
