/** Channels of live rooms: connecting, inviting, joining, the relay and network settings. */
import { z } from 'zod'
import { isSignalingUrl } from '../room/invite'
import { caseSummarySchema } from './schemas'
import { roomRef } from './core'

const webSocketUrl = (what: string): z.ZodType<string> =>
  z
    .string()
    .trim()
    .max(2000)
    .refine(isSignalingUrl, `${what} must start with ws:// or wss:// and name a server.`)

export const networkSettingsSchema = z.object({
  hostOnLan: z.boolean(),
  signalingPort: z
    .number()
    .int('The port is a whole number.')
    .min(1024, 'Use a port from 1024 to 65535.')
    .max(65535, 'Use a port from 1024 to 65535.'),
  signalingUrls: z.array(webSocketUrl('A signaling server address')).max(8),
  relayUrl: z.union([z.literal(''), webSocketUrl('The team relay address')]),
})
export type NetworkSettings = z.infer<typeof networkSettingsSchema>

const networkStateSchema = z.object({
  settings: networkSettingsSchema,
  relayTokenSaved: z.boolean(),
  signaling: z.object({
    localUrl: z.string(),
    lanUrl: z.string().nullable(),
    port: z.number(),
    problem: z.string().nullable(),
  }),
})
export type NetworkState = z.infer<typeof networkStateSchema>

export const networkChannels = {
  'settings:getNetwork': { input: z.undefined(), output: networkStateSchema },
  'settings:setNetwork': {
    input: networkSettingsSchema.extend({
      /** A new relay token; `''` removes the saved one; absent keeps it. */
      relayToken: z.string().max(4096).optional(),
    }),
    output: networkStateSchema,
  },
  'room:connection': {
    input: roomRef,
    output: z.object({
      key: z.string(),
      signalingUrls: z.array(z.string()),
      relay: z.object({ url: z.string(), token: z.string() }).nullable(),
    }),
  },
  'room:invite': { input: roomRef, output: z.object({ link: z.string() }) },
  'room:setRelay': { input: roomRef.extend({ relay: z.boolean() }), output: caseSummarySchema },
  'room:rotateKey': { input: roomRef, output: caseSummarySchema },
  'cases:join': { input: z.object({ link: z.string().max(4096) }), output: caseSummarySchema },
  /** A deep link that opened the app before the window listened, handed over once. */
  'app:takeDeepLink': { input: z.undefined(), output: z.object({ url: z.string().nullable() }) },
} as const
