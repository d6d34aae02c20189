/**
 * Room keys and help-desk tokens, encrypted at rest. In the app the encryption is Electron's
 * `safeStorage` (the OS keychain); tests pass a Node implementation of the same interface.
 */
import { AppError } from '@shared/result'
import type { AppStore } from './app-store'

/** The part of Electron's `safeStorage` Swarmroom uses. */
export interface Encryptor {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Uint8Array
  decryptString(encrypted: Buffer): string
}

export class SecretStore {
  constructor(
    private readonly encryptor: Encryptor,
    private readonly store: AppStore,
  ) {}

  async set(name: string, value: string): Promise<void> {
    if (!this.encryptor.isEncryptionAvailable()) {
      throw new AppError(
        'storage-failed',
        'This computer offers no secure storage (keychain) to Swarmroom, so it will not save ' +
          'keys or tokens. Sign in to your desktop keychain and try again.',
      )
    }
    const encrypted = Buffer.from(this.encryptor.encryptString(value)).toString('base64')
    await this.store.update((data) => {
      data.secrets[name] = encrypted
    })
  }

  get(name: string): string | undefined {
    const encrypted = Object.hasOwn(this.store.data.secrets, name)
      ? this.store.data.secrets[name]
      : undefined
    if (encrypted === undefined) return undefined
    try {
      return this.encryptor.decryptString(Buffer.from(encrypted, 'base64'))
    } catch (error) {
      throw new AppError(
        'storage-failed',
        'A saved key or token could not be decrypted (the keychain may have been reset). ' +
          'Enter it again.',
        { cause: error },
      )
    }
  }

  async delete(name: string): Promise<void> {
    if (!Object.hasOwn(this.store.data.secrets, name)) return
    await this.store.update((data) => {
      data.secrets = Object.fromEntries(
        Object.entries(data.secrets).filter(([secretName]) => secretName !== name),
      )
    })
  }
}
