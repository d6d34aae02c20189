/** Channels of the foundation: identity, the case list, a room's saved history, the app. */
import { z } from 'zod'
import { CASE_STATUSES, newCaseSchema } from '../case/schema'
import {
  bytesSchema,
  caseSummarySchema,
  displayNameSchema,
  identitySchema,
  noticeSchema,
  roomIdSchema,
} from './schemas'

export const roomRef = z.object({ roomId: roomIdSchema })

export const coreChannels = {
  'identity:get': { input: z.undefined(), output: identitySchema.nullable() },
  'identity:set': { input: z.object({ name: displayNameSchema }), output: identitySchema },
  'cases:list': { input: z.undefined(), output: z.array(caseSummarySchema) },
  'cases:create': { input: newCaseSchema, output: caseSummarySchema },
  'cases:updateSummary': {
    input: roomRef.extend(
      newCaseSchema
        .pick({ title: true, ticket: true, customer: true, priority: true, swarmType: true })
        .extend({ status: z.enum(CASE_STATUSES) }).shape,
    ),
    output: caseSummarySchema,
  },
  'cases:setArchived': {
    input: roomRef.extend({ archived: z.boolean() }),
    output: caseSummarySchema,
  },
  'cases:delete': { input: roomRef, output: z.null() },
  'room:load': {
    input: roomRef,
    output: z.object({ state: bytesSchema, notices: z.array(noticeSchema) }),
  },
  'room:append': { input: roomRef.extend({ update: bytesSchema }), output: z.null() },
  'room:close': { input: roomRef, output: z.null() },
  'app:notices': { input: z.undefined(), output: z.array(noticeSchema) },
  'app:openExternal': { input: z.object({ url: z.string().max(4096) }), output: z.null() },
} as const
