/**
 * The OS keychain for the secret store, over Electron's `safeStorage`, through its asynchronous
 * API only (the synchronous one is deprecated in Electron 45).
 */
import type { Keychain } from './services/storage/key-protection'

/** The part of Electron's `safeStorage` this uses. */
export interface AsyncSafeStorage {
  isAsyncEncryptionAvailable(): Promise<boolean>
  encryptStringAsync(plainText: string): Promise<Buffer>
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>
  /** Linux only. */
  getSelectedStorageBackend(): string
}

export function safeStorageKeychain(
  safeStorage: AsyncSafeStorage,
  platform: NodeJS.Platform = process.platform,
): Keychain {
  return {
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    decrypt: async (encrypted) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
        Buffer.from(encrypted),
      )
      return { text: result, shouldReEncrypt }
    },
    backend: () => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined),
  }
}
