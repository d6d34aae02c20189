/**
 * AES-256-GCM for what Swarmroom keeps on disk (room log frames, outbox bodies). A sealed value
 * is `iv (12 random bytes) | ciphertext | auth tag (16 bytes)`; `additionalData` is authenticated
 * but not stored, so the caller binds a value to where it sits (a frame's header, an entry's id).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const IV_BYTES = 12
const TAG_BYTES = 16
/** Bytes a sealed value has beyond its plain text. */
export const SEAL_OVERHEAD = IV_BYTES + TAG_BYTES

/**
 * Random IVs drawn in batches: one `randomBytes` call per frame cost more than the encryption
 * of a typical keystroke's update (bench/open.ts). Every IV is still 96 fresh random bits, and
 * each is used once.
 */
const IV_BATCH = 1024
let ivPool = Buffer.alloc(0)
let ivNext = 0

function nextIv(): Buffer {
  if (ivNext + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * IV_BATCH)
    ivNext = 0
  }
  const iv = ivPool.subarray(ivNext, ivNext + IV_BYTES)
  ivNext += IV_BYTES
  return iv
}

export function seal(key: Buffer, plain: Uint8Array, additionalData: Uint8Array): Buffer {
  const iv = nextIv()
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(additionalData)
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()])
}

/** The plain text, or null when `sealed` was changed, cut, or sealed with another key. */
export function unseal(key: Buffer, sealed: Uint8Array, additionalData: Uint8Array): Buffer | null {
  if (sealed.length < SEAL_OVERHEAD) return null
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
  const tagStart = bytes.length - TAG_BYTES
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  })
  decipher.setAAD(additionalData)
  decipher.setAuthTag(bytes.subarray(tagStart))
  const plain = decipher.update(bytes.subarray(IV_BYTES, tagStart))
  try {
    decipher.final()
  } catch {
    return null
  }
  return plain
}
