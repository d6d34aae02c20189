/**
 * How device keys and signatures are written into a case: Ed25519 (WebCrypto, in Node and
 * Chromium alike), raw public keys and signatures as base64url without padding.
 */
import { toHexString } from 'lib0/buffer'
import { digest } from 'lib0/hash/sha256'

export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The bytes, or null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  try {
    return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0))
  } catch {
    return null
  }
}

/**
 * What a lead compares between two screens: the first 8 groups of 4 hex digits of the SHA-256
 * of the raw public key, e.g. `9f2c 41d0 7a3e 0b5f c2d1 88e4 1f07 a6b9`.
 */
export function keyFingerprint(publicKey: string): string {
  const raw = fromBase64Url(publicKey) ?? new TextEncoder().encode(publicKey)
  const hex = toHexString(digest(raw)).slice(0, 32)
  return hex.match(/.{4}/g)?.join(' ') ?? hex
}

/** True when the signature is the key's Ed25519 signature of the payload's UTF-8 bytes. */
export async function verifySignature(
  publicKey: string,
  payload: string,
  signature: string,
): Promise<boolean> {
  const raw = fromBase64Url(publicKey)
  const signed = fromBase64Url(signature)
  if (!raw || raw.length !== 32 || !signed || signed.length !== 64) return false
  try {
    const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify'])
    return await crypto.subtle.verify('Ed25519', key, signed, new TextEncoder().encode(payload))
  } catch {
    return false
  }
}
