/** The keychain adapter speaks only safeStorage's asynchronous API (the sync one is deprecated). */
import { describe, expect, it } from 'vitest'
import { safeStorageKeychain, type AsyncSafeStorage } from '../../src/main/keychain'

function fakeSafeStorage(backend: string): AsyncSafeStorage {
  return {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (text) => Buffer.from(`enc:${text}`),
    decryptStringAsync: async (encrypted) => ({
      result: encrypted.toString('utf8').replace(/^enc:/, ''),
      shouldReEncrypt: true,
    }),
    getSelectedStorageBackend: () => backend,
  }
}

describe('safeStorageKeychain', () => {
  it('encrypts and decrypts through the async API, passing shouldReEncrypt on', async () => {
    const keychain = safeStorageKeychain(fakeSafeStorage('gnome_libsecret'), 'linux')

    const encrypted = await keychain.encrypt('room key')

    expect(await keychain.isAvailable()).toBe(true)
    expect(await keychain.decrypt(encrypted)).toEqual({ text: 'room key', shouldReEncrypt: true })
  })

  it('names the Linux backend on Linux only', () => {
    expect(safeStorageKeychain(fakeSafeStorage('basic_text'), 'linux').backend()).toBe('basic_text')
    expect(safeStorageKeychain(fakeSafeStorage('basic_text'), 'darwin').backend()).toBeUndefined()
  })
})
