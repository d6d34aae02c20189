/**
 * The per-install key that encrypts room logs and the outbox's note and reply bodies at rest.
 * It is 256 random bits made on first use and kept in the secret store (the OS keychain) as
 * `log-key`; it never leaves this computer. If the keychain cannot give it back, nothing
 * encrypted is opened or rewritten: every use fails with a message saying why.
 */
import { randomBytes } from 'node:crypto'
import { AppError } from '@shared/result'
import type { SecretStore } from './secrets'

export const AT_REST_KEY_SECRET = 'log-key'
const KEY_BYTES = 32

/** What the room logs and the outbox need: the key, or an error a support agent can act on. */
export interface AtRestKeySource {
  get(): Buffer
}

export class AtRestKey implements AtRestKeySource {
  private key: Buffer | undefined

  constructor(private readonly secrets: SecretStore | undefined) {}

  /** A key held in memory only (tests, benchmarks). */
  static fixed(key: Buffer): AtRestKey {
    if (key.length !== KEY_BYTES) throw new Error('the key must be 32 bytes')
    const fixed = new AtRestKey(undefined)
    fixed.key = key
    return fixed
  }

  /**
   * Reads the key into memory, or on this install's first start makes one and saves it. Called
   * once the secrets can be read (at start, or when the passphrase is entered). A key that is
   * saved but cannot be read is never replaced: the files it encrypts may open again once the
   * keychain gives it back.
   */
  async ensure(): Promise<void> {
    if (this.key || !this.secrets) return
    let saved: Buffer | undefined
    try {
      saved = this.read(this.secrets)
    } catch (error) {
      // Left for get() to explain when a case is opened; the app itself still starts.
      console.error('the at-rest key could not be read', error)
      return
    }
    if (saved) {
      this.key = saved
      return
    }
    const key = randomBytes(KEY_BYTES)
    await this.secrets.set(AT_REST_KEY_SECRET, key.toString('base64'))
    this.key = key
  }

  /** The key, or an error a support agent can act on (locked, unreadable, never saved). */
  get(): Buffer {
    if (this.key) return this.key
    const secrets = this.secrets
    if (!secrets) throw notSaved(undefined)
    const saved = this.read(secrets)
    if (!saved) throw notSaved(undefined)
    this.key = saved
    return saved
  }

  private read(secrets: SecretStore): Buffer | undefined {
    let saved: string | undefined
    try {
      saved = secrets.get(AT_REST_KEY_SECRET)
    } catch (error) {
      // Still behind the passphrase: that message says what to do.
      if (error instanceof AppError && error.code === 'keys-locked') throw error
      throw unreadable(error)
    }
    if (saved === undefined) return undefined
    const key = Buffer.from(saved, 'base64')
    if (key.length !== KEY_BYTES) throw unreadable(new Error('the saved key has the wrong length'))
    return key
  }
}

function unreadable(cause: unknown): AppError {
  return new AppError(
    'storage-failed',
    'Swarmroom could not read the key that encrypts the cases saved on this computer from the ' +
      'keychain (it may have been reset or locked), so it opens and changes no saved case. ' +
      'The case files are untouched. Unlock or restore the keychain and restart Swarmroom; ' +
      'a case shared with teammates can also be joined again from a new invite link.',
    { cause },
  )
}

function notSaved(cause: unknown): AppError {
  return new AppError(
    'storage-failed',
    'This computer offers no secure storage (keychain) to Swarmroom, so it has no key to ' +
      'encrypt cases with and saves none. Sign in to your desktop keychain and restart Swarmroom.',
    { cause },
  )
}
