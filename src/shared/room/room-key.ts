/**
 * Room keys: 256 random bits made on the creator's machine, written as base64url. The key is
 * y-webrtc's `password`: it encrypts every signaling message, so peers without it cannot even
 * start a connection. It travels only in an invite link's fragment, never to a server.
 */

const KEY_BYTES = 32
/** At least 128 bits: 22 base64url characters. Keys from other Swarmroom versions may be longer. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{22,128}$/

export function generateRoomKey(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(KEY_BYTES)))
}

/** 128 random bits: room ids name files and signaling topics, so they are URL- and path-safe. */
export function generateRoomId(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)))
}

export function isRoomKey(value: string): boolean {
  return KEY_PATTERN.test(value)
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
