/**
 * The per-install key that encrypts room logs and the outbox's note and reply bodies at rest.
 * It is 256 random bits made on first start and kept in the secret store (the OS keychain) as
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
  private constructor(
    private readonly key: Buffer | undefined,
    private readonly problem: AppError | undefined,
  ) {}

  /**
   * Reads the key, or makes and saves one when there is none yet. A key that is saved but
   * cannot be read is never replaced: the files it encrypts may open again once it can be.
   */
  static async load(secrets: SecretStore): Promise<AtRestKey> {
    let saved: string | undefined
    try {
      saved = secrets.get(AT_REST_KEY_SECRET)
    } catch (error) {
      return new AtRestKey(undefined, unreadable(error))
    }
    if (saved !== undefined) {
      const key = Buffer.from(saved, 'base64')
      if (key.length === KEY_BYTES) return new AtRestKey(key, undefined)
      return new AtRestKey(undefined, unreadable(new Error('the saved key has the wrong length')))
    }
    const key = randomBytes(KEY_BYTES)
    try {
      await secrets.set(AT_REST_KEY_SECRET, key.toString('base64'))
    } catch (error) {
      return new AtRestKey(undefined, notSaved(error))
    }
    return new AtRestKey(key, undefined)
  }

  /** A key held in memory only (tests, benchmarks). */
  static fixed(key: Buffer): AtRestKey {
    if (key.length !== KEY_BYTES) throw new Error('the key must be 32 bytes')
    return new AtRestKey(key, undefined)
  }

  get(): Buffer {
    if (this.key) return this.key
    throw this.problem ?? notSaved(undefined)
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
