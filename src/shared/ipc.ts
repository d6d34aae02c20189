/**
 * The one IPC contract. Every channel is declared here once, with zod schemas for what the
 * renderer may send and what main answers. Main validates against it, the preload and the e2e
 * harness build `window.swarmroom` from it, and the renderer's types are derived from it.
 */
import { z } from 'zod'
import { CASE_STATUSES, PRIORITIES, SWARM_TYPES, newCaseSchema, ticketSchema } from './case/schema'
import type { Result } from './result'

/** Room ids become file names, so they are restricted to a safe alphabet. */
export const roomIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'A room id is 8 to 64 letters, digits, "-" or "_".')

/** A Yjs update. 64 MiB is far beyond any real edit; larger input is refused, not parsed. */
export const MAX_UPDATE_BYTES = 64 * 1024 * 1024
const bytesSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected bytes (a Uint8Array).')
  .refine((bytes) => bytes.byteLength > 0, 'An empty update cannot be saved.')
  .refine((bytes) => bytes.byteLength <= MAX_UPDATE_BYTES, 'That update is too large to save.')

export const identitySchema = z.object({
  memberId: z.string(),
  name: z.string(),
  color: z.string(),
})
export type Identity = z.infer<typeof identitySchema>

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the name your teammates know you by.')
  .max(80, 'Keep the display name under 80 characters.')

export const caseSummarySchema = z.object({
  roomId: roomIdSchema,
  title: z.string(),
  ticket: ticketSchema,
  customer: z.string(),
  priority: z.enum(PRIORITIES),
  swarmType: z.enum(SWARM_TYPES),
  status: z.enum(CASE_STATUSES),
  archived: z.boolean(),
  createdAt: z.string(),
  lastActivity: z.string(),
})
export type CaseSummary = z.infer<typeof caseSummarySchema>

export const noticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
})
export type Notice = z.infer<typeof noticeSchema>

const roomRef = z.object({ roomId: roomIdSchema })

export const contract = {
  'identity:get': { input: z.undefined(), output: identitySchema.nullable() },
  'identity:set': { input: z.object({ name: displayNameSchema }), output: identitySchema },
  'cases:list': { input: z.undefined(), output: z.array(caseSummarySchema) },
  'cases:create': { input: newCaseSchema, output: caseSummarySchema },
  'cases:updateSummary': {
    input: roomRef.extend(
      newCaseSchema.pick({ title: true, ticket: true, customer: true, priority: true }).extend({
        status: z.enum(CASE_STATUSES),
      }).shape,
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

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

export const CHANNELS = Object.keys(contract) as Channel[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

type Namespace<C extends string> = C extends `${infer N}:${string}` ? N : never
type Call<C extends Channel> =
  ChannelInput<C> extends undefined
    ? () => Promise<Result<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>

/** `window.swarmroom`: `cases:list` becomes `swarmroom.cases.list()`. */
export type SwarmroomApi = {
  [N in Namespace<Channel>]: {
    [C in Channel as C extends `${N}:${infer M}` ? M : never]: Call<C>
  }
}
