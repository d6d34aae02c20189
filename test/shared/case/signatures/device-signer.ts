/** A member's device key in a test: a real Ed25519 pair made with WebCrypto, as main makes it. */
import { webcrypto } from 'node:crypto'
import { toBase64Url } from '../../../../src/shared/case/signatures/device-key-format'
import type { Signing } from '../../../../src/shared/case/signatures/signed-decisions'

export interface TestDevice {
  publicKey: string
  signing: (caseRoom: string) => Signing
}

export async function newDevice(): Promise<TestDevice> {
  const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair
  const raw = new Uint8Array(await webcrypto.subtle.exportKey('raw', pair.publicKey))
  return {
    publicKey: toBase64Url(raw),
    signing: (caseRoom) => ({
      caseRoom,
      sign: async (payload) => {
        const bytes = new TextEncoder().encode(payload)
        return toBase64Url(
          new Uint8Array(await webcrypto.subtle.sign('Ed25519', pair.privateKey, bytes)),
        )
      },
    }),
  }
}
