/**
 * Room keys and help-desk tokens, encrypted at rest. The encryption is the OS keychain
 * (Electron's `safeStorage`, see src/main/keychain.ts) or a passphrase the user enters at each
 * start (`PassphraseEncryptor`); tests pass a Node implementation of the same interface.
 *
 * Encryption is asynchronous, but callers read secrets synchronously: `load` decrypts every
 * saved secret once, into memory, when the protection in use is known (`KeyProtection`).
 */
import { AppError } from '@shared/result'
import type { AppData, AppStore } from './app-store'

/** Encrypts and decrypts secrets; the OS keychain, a passphrase, or a stand-in in tests. */
export interface Encryptor {
  /** False when this computer cannot encrypt (no keychain); nothing is saved then. */
  isAvailable(): Promise<boolean>
  encrypt(text: string): Promise<Uint8Array>
  /** `shouldReEncrypt`: the keychain rotated its key, so the value should be saved again. */
  decrypt(encrypted: Uint8Array): Promise<{ text: string; shouldReEncrypt: boolean }>
}

export const KEYS_LOCKED =
  'Room keys and help-desk tokens are locked on this computer, so Swarmroom cannot create or ' +
  'join cases yet. Choose how to protect them, or enter your passphrase, on the screen ' +
  'Swarmroom shows at start.'

export class SecretStore {
  private encryptor: Encryptor | undefined
  /** Every saved secret, decrypted by `load`, or why it could not be. */
  private readonly plain = new Map<string, string>()
  private readonly unreadable = new Map<string, unknown>()

  constructor(private readonly store: AppStore) {}

  /** True once `load` ran: secrets can be read and saved. */
  get loaded(): boolean {
    return this.encryptor !== undefined
  }

  /** Names of the secrets saved in app.json, whatever protected them. */
  savedNames(): string[] {
    return Object.keys(this.store.data.secrets)
  }

  /**
   * Decrypts every saved secret with `encryptor` and keeps using it. A secret the encryptor
   * asks to re-encrypt (the keychain rotated its key) is saved again; one that does not decrypt
   * stays saved and `get` reports it.
   */
  async load(encryptor: Encryptor): Promise<void> {
    this.plain.clear()
    this.unreadable.clear()
    const renewed: Record<string, string> = {}
    for (const [name, encrypted] of Object.entries(this.store.data.secrets)) {
      try {
        const { text, shouldReEncrypt } = await encryptor.decrypt(Buffer.from(encrypted, 'base64'))
        this.plain.set(name, text)
        if (shouldReEncrypt) renewed[name] = toBase64(await encryptor.encrypt(text))
      } catch (error) {
        this.unreadable.set(name, error)
      }
    }
    this.encryptor = encryptor
    if (Object.keys(renewed).length === 0) return
    // Not saving the renewed form only means trying again at the next start.
    await this.store
      .update((data) => Object.assign(data.secrets, renewed))
      .catch((error: unknown) => console.warn('re-encrypted secrets could not be saved', error))
  }

  async set(name: string, value: string): Promise<void> {
    const encryptor = this.encryptor
    if (!encryptor) throw new AppError('keys-locked', KEYS_LOCKED)
    if (!(await encryptor.isAvailable())) {
      throw new AppError(
        'storage-failed',
        'This computer offers no secure storage (keychain) to Swarmroom, so it will not save ' +
          'keys or tokens. Sign in to your desktop keychain and try again.',
      )
    }
    const encrypted = toBase64(await encryptor.encrypt(value))
    await this.store.update((data) => {
      data.secrets[name] = encrypted
    })
    this.plain.set(name, value)
    this.unreadable.delete(name)
  }

  get(name: string): string | undefined {
    if (!Object.hasOwn(this.store.data.secrets, name)) return undefined
    if (!this.encryptor) throw new AppError('keys-locked', KEYS_LOCKED)
    const value = this.plain.get(name)
    if (value !== undefined) return value
    throw new AppError(
      'storage-failed',
      'A saved key or token could not be decrypted (the keychain may have been reset). ' +
        'Enter it again.',
      { cause: this.unreadable.get(name) },
    )
  }

  async delete(name: string): Promise<void> {
    if (!Object.hasOwn(this.store.data.secrets, name)) return
    await this.store.update((data) => {
      data.secrets = Object.fromEntries(
        Object.entries(data.secrets).filter(([secretName]) => secretName !== name),
      )
    })
    this.plain.delete(name)
    this.unreadable.delete(name)
  }

  /**
   * Moves every saved secret from one protection to another: decrypts each with `from`,
   * encrypts it with `to`, and saves them, with `alsoChange` (what records the new protection),
   * in one write, so app.json never holds secrets under one protection while naming another.
   * Answers false, changing nothing, when `from` cannot read every secret. Then uses `to`.
   */
  async moveAll(
    from: Encryptor,
    to: Encryptor,
    alsoChange: (data: AppData) => void,
  ): Promise<boolean> {
    const plain = new Map<string, string>()
    for (const [name, encrypted] of Object.entries(this.store.data.secrets)) {
      try {
        plain.set(name, (await from.decrypt(Buffer.from(encrypted, 'base64'))).text)
      } catch {
        return false
      }
    }
    const moved: Record<string, string> = {}
    for (const [name, value] of plain) moved[name] = toBase64(await to.encrypt(value))
    await this.store.update((data) => {
      data.secrets = moved
      alsoChange(data)
    })
    this.plain.clear()
    this.unreadable.clear()
    for (const [name, value] of plain) this.plain.set(name, value)
    this.encryptor = to
    return true
  }
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}
