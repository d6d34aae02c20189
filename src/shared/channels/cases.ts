/** Channels of the cases on this computer: who you are, the case list, creating and joining. */
import { z } from 'zod'
import { CASE_STATUSES, newCaseSchema } from '../case/schema'
import { caseSummarySchema, displayNameSchema, identitySchema, roomRef } from './schemas'

export const casesChannels = {
  'identity:get': { input: z.undefined(), output: identitySchema.nullable() },
  'identity:set': { input: z.object({ name: displayNameSchema }), output: identitySchema },
  'cases:list': { input: z.undefined(), output: z.array(caseSummarySchema) },
  'cases:create': { input: newCaseSchema, output: caseSummarySchema },
  /** Joins the case an invite link (`swarmroom://join/…`) names. */
  'cases:join': { input: z.object({ link: z.string().max(4096) }), output: caseSummarySchema },
  'cases:updateSummary': {
    input: roomRef.extend(
      newCaseSchema
        .pick({ title: true, ticket: true, customer: true, priority: true, swarmType: true })
        .extend({ status: z.enum(CASE_STATUSES) })
        // Optional, without defaults: a report that leaves them out keeps what the lobby knew.
        .extend({
          ownerId: z.string().optional(),
          ownerName: z.string().optional(),
          customerWaitingSince: z.string().optional(),
          updatesSent: z.boolean().optional(),
        }).shape,
    ),
    output: caseSummarySchema,
  },
  'cases:setArchived': {
    input: roomRef.extend({ archived: z.boolean() }),
    output: caseSummarySchema,
  },
  'cases:delete': { input: roomRef, output: z.null() },
} as const

export const casesEvents = {
  /** A case's line in the lobby changed (unread, title, status, archived). */
  'cases:changed': roomRef,
} as const
