/**
 * What the team relay stores and forwards is sealed here: AES-256-GCM (WebCrypto, so the same
 * code runs in the renderer and in Node) with a fresh random 96-bit IV for every message. The
 * key is derived from the room key with HKDF-SHA-256 under a salt of its own, so it is not
 * y-webrtc's key (PBKDF2 with the salt 'y-webrtc') and knowing one says nothing of the other.
 * The room id is HKDF's info, and what a sealed message is for (a document entry or presence)
 * is its additional data, so neither can be passed off as the other.
 *
 * A sealed message: one version byte (1), the 12-byte IV, then the ciphertext and its 16-byte tag.
 */

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const SALT = new TextEncoder().encode('swarmroom team relay v1')

export type SealedPurpose = 'entry' | 'presence'

export interface RelayCipher {
  seal(plain: Uint8Array, purpose: SealedPurpose): Promise<Uint8Array>
  /** The plain bytes, or undefined when the message is not one this room's key sealed. */
  open(sealed: Uint8Array, purpose: SealedPurpose): Promise<Uint8Array | undefined>
}

export async function relayCipher(roomKey: string, roomId: string): Promise<RelayCipher> {
  const subtle = globalThis.crypto.subtle
  const material = await subtle.importKey('raw', new TextEncoder().encode(roomKey), 'HKDF', false, [
    'deriveKey',
  ])
  const key = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: SALT, info: new TextEncoder().encode(roomId) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
  const additionalData = {
    entry: new TextEncoder().encode('entry'),
    presence: new TextEncoder().encode('presence'),
  }
  return {
    async seal(plain, purpose) {
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES))
      const cipher = await subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: additionalData[purpose] },
        key,
        plain as Uint8Array<ArrayBuffer>,
      )
      const sealed = new Uint8Array(1 + IV_BYTES + cipher.byteLength)
      sealed[0] = VERSION
      sealed.set(iv, 1)
      sealed.set(new Uint8Array(cipher), 1 + IV_BYTES)
      return sealed
    },
    async open(sealed, purpose) {
      if (sealed.byteLength < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) return undefined
      // WebCrypto's types want an ArrayBuffer behind the view; relay bytes never are shared.
      const bytes = sealed as Uint8Array<ArrayBuffer>
      try {
        const plain = await subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: bytes.subarray(1, 1 + IV_BYTES),
            additionalData: additionalData[purpose],
          },
          key,
          bytes.subarray(1 + IV_BYTES),
        )
        return new Uint8Array(plain)
      } catch {
        // Another key, or bytes changed on the way: the tag does not match.
        return undefined
      }
    },
  }
}
