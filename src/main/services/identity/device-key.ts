/**
 * This computer's Ed25519 key pair, made on first use. The private key lives in the secret store
 * (encrypted by the OS keychain) and never leaves main; the renderer asks main to sign.
 */
import { webcrypto } from 'node:crypto'
import { decisionPayload, PAYLOAD_TAG } from '@shared/case/signatures/decision-payload'
import { keyFingerprint, toBase64Url } from '@shared/case/signatures/device-key-format'
import { AppError } from '@shared/result'
import type { SecretStore } from '../storage/secrets'

const SECRET_NAME = 'device-key'

interface StoredKey {
  privateKey: webcrypto.JsonWebKey
  publicKey: string
}

export class DeviceKey {
  private loaded: Promise<{ privateKey: webcrypto.CryptoKey; publicKey: string }> | undefined

  constructor(
    private readonly secrets: SecretStore,
    /** The member id of this computer's user, who alone may have payloads signed. */
    private readonly memberId: () => string | undefined,
  ) {}

  async publicKey(): Promise<{ publicKey: string; fingerprint: string }> {
    const { publicKey } = await this.key()
    return { publicKey, fingerprint: keyFingerprint(publicKey) }
  }

  /** Signs a decision payload naming this computer's member; anything else is refused. */
  async sign(payload: string): Promise<string> {
    const memberId = this.memberId()
    if (!memberId || !isOwnPayload(payload, memberId)) {
      throw new AppError('invalid-input', 'Swarmroom signs only decisions you make yourself.')
    }
    const { privateKey } = await this.key()
    const signature = await webcrypto.subtle.sign(
      'Ed25519',
      privateKey,
      new TextEncoder().encode(payload),
    )
    return toBase64Url(new Uint8Array(signature))
  }

  private key(): Promise<{ privateKey: webcrypto.CryptoKey; publicKey: string }> {
    this.loaded ??= this.loadOrCreate().catch((error: unknown) => {
      this.loaded = undefined
      throw error
    })
    return this.loaded
  }

  private async loadOrCreate(): Promise<{ privateKey: webcrypto.CryptoKey; publicKey: string }> {
    const saved = this.secrets.get(SECRET_NAME)
    if (saved !== undefined) {
      const stored = JSON.parse(saved) as StoredKey
      const privateKey = await webcrypto.subtle.importKey(
        'jwk',
        stored.privateKey,
        { name: 'Ed25519' },
        false,
        ['sign'],
      )
      return { privateKey, publicKey: stored.publicKey }
    }
    const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as webcrypto.CryptoKeyPair
    const raw = new Uint8Array(await webcrypto.subtle.exportKey('raw', pair.publicKey))
    const stored: StoredKey = {
      privateKey: await webcrypto.subtle.exportKey('jwk', pair.privateKey),
      publicKey: toBase64Url(raw),
    }
    await this.secrets.set(SECRET_NAME, JSON.stringify(stored))
    return { privateKey: pair.privateKey, publicKey: stored.publicKey }
  }
}

function isOwnPayload(payload: string, memberId: string): boolean {
  try {
    const parsed: unknown = JSON.parse(payload)
    if (!Array.isArray(parsed) || parsed.length !== 6 || parsed[0] !== PAYLOAD_TAG) return false
    const [, kind, caseRoom, member, fields, time] = parsed as unknown[]
    if (member !== memberId || typeof fields !== 'object' || fields === null) return false
    // Re-encoding must give the same bytes: only canonical payloads are signed.
    const decision = { kind, caseRoom, memberId: member, fields, time }
    return decisionPayload(decision as Parameters<typeof decisionPayload>[0]) === payload
  } catch {
    return false
  }
}
