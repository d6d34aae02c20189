/** Channels of the leads' insights: figures across the cases on this computer. */
import { z } from 'zod'
import { CASE_STATUSES, PRIORITIES, SWARM_TYPES } from '../case/schema'

export const INSIGHT_GROUPINGS = ['week', 'swarmType', 'priority', 'cause'] as const
export type InsightGrouping = (typeof INSIGHT_GROUPINGS)[number]

export const insightsFilterSchema = z.object({
  /** Only cases opened on or after this day (`YYYY-MM-DD`, UTC); all cases when absent. */
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a start date.')
    .optional(),
  swarmTypes: z.array(z.enum(SWARM_TYPES)).max(SWARM_TYPES.length).optional(),
  priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).optional(),
  /** Only cases tagged with this cause (any letter case). */
  cause: z.string().trim().max(60).optional(),
  includeArchived: z.boolean(),
})
export type InsightsFilter = z.infer<typeof insightsFilterSchema>

const insightsRequestSchema = z.object({
  groupBy: z.enum(INSIGHT_GROUPINGS),
  filter: insightsFilterSchema,
})
export type InsightsRequest = z.infer<typeof insightsRequestSchema>

const duration = z.number().nullable()

export const insightsRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  cases: z.number(),
  medianTimeToFirstUpdate: duration,
  medianTimeToResolve: duration,
  handoffsPerCase: z.number(),
  escalationsPerCase: z.number(),
  /** Updates on cadence out of all updates due; null when none was due yet. */
  onCadenceShare: z.number().nullable(),
  reopened: z.number(),
  /** The time the group's cases took up, opened → resolved (or now), summed. */
  timeOpen: z.number(),
})
export type InsightsRow = z.infer<typeof insightsRowSchema>

export const insightsReportSchema = z.object({
  groupBy: z.enum(INSIGHT_GROUPINGS),
  rows: z.array(insightsRowSchema),
  total: insightsRowSchema,
  /** Every cause the filtered cases were tagged with, most cases first: for the cause filter. */
  causes: z.array(z.object({ cause: z.string(), cases: z.number() })),
  /** Titles of cases whose saved file could not be read, so they are not counted. */
  unreadable: z.array(z.string()),
  statuses: z.record(z.enum(CASE_STATUSES), z.number()),
})
export type InsightsReport = z.infer<typeof insightsReportSchema>

export const insightsChannels = {
  'insights:report': { input: insightsRequestSchema, output: insightsReportSchema },
  'insights:saveCsv': {
    input: z.object({ filter: insightsFilterSchema }),
    /** `path` is '' when the user cancelled the save dialog. */
    output: z.object({ saved: z.boolean(), path: z.string(), cases: z.number() }),
  },
} as const
