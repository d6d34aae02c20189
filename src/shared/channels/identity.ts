/**
 * Channels of this device's signing key and the keys it pinned: main keeps the private key and
 * signs decisions for the renderer, which never sees it.
 */
import { z } from 'zod'
import { trustPinsSchema } from '../case/signatures/trust-pins'
import { roomIdSchema } from './schemas'

export const identityChannels = {
  /** This device's public key (raw Ed25519, base64url) and its fingerprint. */
  'identity:publicKey': {
    input: z.undefined(),
    output: z.object({ publicKey: z.string(), fingerprint: z.string() }),
  },
  /** Signs a decision payload (`decisionPayload`) made by this computer's member. */
  'identity:sign': {
    input: z.object({ payload: z.string().min(1).max(20_000) }),
    output: z.object({ signature: z.string() }),
  },
  /**
   * Pins what the case shows where nothing is pinned yet and answers the pins; `verifiedOwner`
   * records the owner the renderer verified, who may later move the case to a new key.
   */
  'trust:pin': {
    input: z.object({
      roomId: roomIdSchema,
      seen: trustPinsSchema,
      verifiedOwner: z.string().max(200).optional(),
    }),
    output: trustPinsSchema,
  },
} as const
