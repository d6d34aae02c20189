/**
 * Channels of live rooms: a room's saved history, what it connects with, its invite, the relay,
 * moving it to a new key, and the network settings that say how rooms reach teammates.
 */
import { z } from 'zod'
import { iceServerKind, needsCredential } from '../room/ice-server-url'
import { isSignalingUrl } from '../room/invite'
import { isRelayUrl } from '../room/relay-url'
import { bytesSchema, caseSummarySchema, noticeSchema, roomIdSchema, roomRef } from './schemas'

const webSocketUrl = (what: string): z.ZodType<string> =>
  z
    .string()
    .trim()
    .max(2000)
    .refine(isSignalingUrl, `${what} must start with ws:// or wss:// and name a server.`)

/**
 * A team STUN or TURN server as saved in the settings; a TURN server's credential is kept in
 * the secret store, never here.
 */
const iceServerFields = z.object({
  urls: z
    .string()
    .trim()
    .max(2000)
    .refine(
      (text) => iceServerKind(text) !== undefined,
      'A STUN/TURN server address starts with stun:, turn: or turns: and names a server ' +
        '(turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349).',
    ),
  username: z.string().trim().max(512),
})
const turnHasUsername = {
  check: (server: { urls: string; username: string }): boolean =>
    !needsCredential(server.urls) || server.username !== '',
  message: {
    message: 'A TURN server needs the username your IT team gave you.',
    path: ['username'],
  },
}
export const iceServerSchema = iceServerFields.refine(
  turnHasUsername.check,
  turnHasUsername.message,
)
export type IceServerSetting = z.infer<typeof iceServerSchema>

export const networkSettingsSchema = z.object({
  hostOnLan: z.boolean(),
  signalingPort: z
    .number()
    .int('The port is a whole number.')
    .min(1024, 'Use a port from 1024 to 65535.')
    .max(65535, 'Use a port from 1024 to 65535.'),
  signalingUrls: z.array(webSocketUrl('A signaling server address')).max(8),
  relayUrl: z.union([
    z.literal(''),
    webSocketUrl('The team relay address').refine(
      isRelayUrl,
      'The team relay address must start with wss:// so the relay token travels encrypted ' +
        '(ws:// only for this computer: 127.0.0.1, localhost or [::1]).',
    ),
  ]),
  /** The team's STUN/TURN servers; none by default (no public server learns of our rooms). */
  iceServers: z.array(iceServerSchema).max(8).optional(),
})
export type NetworkSettings = z.infer<typeof networkSettingsSchema>

const networkStateSchema = z.object({
  settings: networkSettingsSchema,
  relayTokenSaved: z.boolean(),
  /** For each of `settings.iceServers`: whether a credential is saved for it. */
  iceCredentialSaved: z.array(z.boolean()),
  signaling: z.object({
    localUrl: z.string(),
    lanUrl: z.string().nullable(),
    port: z.number(),
    problem: z.string().nullable(),
  }),
})
export type NetworkState = z.infer<typeof networkStateSchema>

export const roomsChannels = {
  'room:load': {
    input: roomRef,
    output: z.object({ state: bytesSchema, notices: z.array(noticeSchema) }),
  },
  'room:append': {
    input: roomRef.extend({
      update: bytesSchema,
      /** A teammate's edit that arrived while the case was not on screen: marks it unread. */
      unseen: z.boolean().optional(),
    }),
    output: z.null(),
  },
  'room:close': { input: roomRef, output: z.null() },
  /** The member has looked at the case: it is no longer unread. */
  'room:seen': { input: roomRef, output: z.null() },
  'settings:getNetwork': { input: z.undefined(), output: networkStateSchema },
  'settings:setNetwork': {
    input: networkSettingsSchema.extend({
      /** A new relay token; `''` removes the saved one; absent keeps it. */
      relayToken: z.string().max(4096).optional(),
      /**
       * The team's STUN/TURN servers, each with a new credential (`''` removes the saved one,
       * absent keeps it); absent keeps the saved servers.
       */
      iceServers: z
        .array(
          iceServerFields
            .extend({ credential: z.string().max(1024).optional() })
            .refine(turnHasUsername.check, turnHasUsername.message),
        )
        .max(8)
        .optional(),
    }),
    output: networkStateSchema,
  },
  'room:connection': {
    input: roomRef,
    output: z.object({
      key: z.string(),
      signalingUrls: z.array(z.string()),
      iceServers: z.array(
        z.object({
          urls: z.string(),
          username: z.string().optional(),
          credential: z.string().optional(),
        }),
      ),
      relay: z.object({ url: z.string(), token: z.string() }).nullable(),
    }),
  },
  'room:invite': { input: roomRef, output: z.object({ link: z.string() }) },
  'room:setRelay': { input: roomRef.extend({ relay: z.boolean() }), output: caseSummarySchema },
  'room:rotateKey': { input: roomRef, output: caseSummarySchema },
} as const

export const roomsEvents = {
  /** Main changed an open case (an export's result): apply it to the live document. */
  'room:update': z.object({ roomId: roomIdSchema, update: bytesSchema }),
} as const
