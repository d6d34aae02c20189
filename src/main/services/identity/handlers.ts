/** The identity key and trust channels: thin calls into identity/. */
import type { identityChannels } from '@shared/channels/identity'
import type { HandlersOf } from '../ipc-dispatch'
import type { DeviceKey } from './device-key'
import type { TrustStore } from './trust-store'

export interface IdentityHandlerServices {
  deviceKey: DeviceKey
  trust: TrustStore
}

export function createIdentityHandlers({
  deviceKey,
  trust,
}: IdentityHandlerServices): HandlersOf<typeof identityChannels> {
  return {
    'identity:publicKey': () => deviceKey.publicKey(),
    'identity:sign': async ({ payload }) => ({ signature: await deviceKey.sign(payload) }),
    'trust:pin': ({ roomId, seen, verifiedOwner }) => trust.pin(roomId, seen, verifiedOwner),
  }
}
