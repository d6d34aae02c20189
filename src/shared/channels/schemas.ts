/** Schemas shared by several channels of the IPC contract. */
import { z } from 'zod'
import { CASE_STATUSES, PRIORITIES, SWARM_TYPES, ticketSchema } from '../case/schema'

/** Room ids become file names, so they are restricted to a safe alphabet. */
export const roomIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'A room id is 8 to 64 letters, digits, "-" or "_".')

/** A Yjs update. 64 MiB is far beyond any real edit; larger input is refused, not parsed. */
export const MAX_UPDATE_BYTES = 64 * 1024 * 1024
export const bytesSchema = z
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
  /** Signaling servers named by the invite this case was joined from. */
  signalingUrls: z.array(z.string()).default([]),
  /** Whether this case also syncs through the team relay set in Settings. */
  relay: z.boolean().default(false),
  /** A teammate changed the case while this member was not looking at it. */
  unread: z.boolean().default(false),
  /** The case owner, as the case document names them ('' before the case has arrived). */
  ownerId: z.string().default(''),
  ownerName: z.string().default(''),
  /** Since when the customer has heard nothing: the last update sent, or the case's opening. */
  customerWaitingSince: z.string().default(''),
  /** Whether any update was sent to the customer yet. */
  updatesSent: z.boolean().default(false),
})
export type CaseSummary = z.infer<typeof caseSummarySchema>

export const noticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
})
export type Notice = z.infer<typeof noticeSchema>

/** The input of every channel about one case. */
export const roomRef = z.object({ roomId: roomIdSchema })
