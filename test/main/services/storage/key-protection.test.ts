/**
 * On Linux without a keyring, Electron's safeStorage falls back to `basic_text` (a key written
 * into Electron itself) or to no encryption at all, and no case could be created. KeyProtection
 * decides at start whether the OS keychain protects the keys or the user must choose, then
 * enter, a passphrase; every test runs over a real app.json in a temp folder.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AppStore } from '../../../../src/main/services/storage/app-store'
import { KeyProtection } from '../../../../src/main/services/storage/key-protection'
import { WRONG_PASSPHRASE } from '../../../../src/main/services/storage/passphrase-encryptor'
import { SecretStore } from '../../../../src/main/services/storage/secrets'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { useTempFolder } from '../../../fixtures/temp-folder'

const PASSPHRASE = 'correct horse battery staple'
const ROOM_KEY = 'room-key-8c1f0e5a'

const tempFolder = useTempFolder()

async function start(
  keychain: NodeEncryptor,
): Promise<{ protection: KeyProtection; secrets: SecretStore; app: AppStore }> {
  const app = await AppStore.open(tempFolder())
  const secrets = new SecretStore(app)
  return { protection: await KeyProtection.start(app, secrets, keychain), secrets, app }
}

const noKeyring = (): NodeEncryptor => new NodeEncryptor(randomBytes(32), true, 'basic_text')

describe('KeyProtection', () => {
  it('uses the keychain when it is available, and loads the secrets with it', async () => {
    const key = randomBytes(32)
    await (await start(new NodeEncryptor(key, true, 'gnome_libsecret'))).secrets.set('k', ROOM_KEY)

    const { protection, secrets } = await start(new NodeEncryptor(key, true, 'gnome_libsecret'))

    expect(protection.status()).toEqual({ state: 'keychain', backend: 'gnome_libsecret' })
    expect(secrets.get('k')).toBe(ROOM_KEY)
    await expect(protection.whenReady()).resolves.toBeUndefined()
  })

  it('uses the keychain on systems without a Linux backend (macOS, Windows)', async () => {
    const { protection } = await start(new NodeEncryptor())

    expect(protection.status()).toEqual({ state: 'keychain' })
  })

  it('asks the user to choose when the backend is basic_text, and refuses secrets until then', async () => {
    const { protection, secrets } = await start(noKeyring())

    expect(protection.status()).toEqual({ state: 'choose', backend: 'basic_text' })
    await expect(secrets.set('k', ROOM_KEY)).rejects.toMatchObject({ code: 'keys-locked' })
  })

  it('asks the user to choose when the keychain reports encryption unavailable', async () => {
    const { protection } = await start(new NodeEncryptor(randomBytes(32), false, 'gnome_libsecret'))

    expect(protection.status().state).toBe('choose')
  })

  it('refuses a passphrase shorter than eight characters, staying in choose', async () => {
    const { protection } = await start(noKeyring())

    await expect(protection.setPassphrase('seven77')).rejects.toMatchObject({
      message: 'Choose a passphrase of at least 8 characters.',
    })
    expect(protection.status().state).toBe('choose')
  })

  it('after a passphrase is set, saves secrets, and asks for it again after a restart', async () => {
    const first = await start(noKeyring())
    expect(await first.protection.setPassphrase(PASSPHRASE)).toMatchObject({ state: 'unlocked' })
    await first.secrets.set('k', ROOM_KEY)
    await first.app.flush()

    const restarted = await start(noKeyring())

    expect(restarted.protection.status().state).toBe('locked')
    expect(() => restarted.secrets.get('k')).toThrow(
      expect.objectContaining({ code: 'keys-locked' }),
    )
  })

  it('refuses a wrong passphrase, then unlocks with the right one', async () => {
    const first = await start(noKeyring())
    await first.protection.setPassphrase(PASSPHRASE)
    await first.secrets.set('k', ROOM_KEY)
    const { protection, secrets } = await start(noKeyring())

    await expect(protection.unlock('not the passphrase')).rejects.toMatchObject({
      message: WRONG_PASSPHRASE,
    })
    expect(protection.status().state).toBe('locked')

    expect(await protection.unlock(PASSPHRASE)).toMatchObject({ state: 'unlocked' })
    expect(secrets.get('k')).toBe(ROOM_KEY)
    await expect(protection.whenReady()).resolves.toBeUndefined()
  })

  it('keeps asking for the passphrase even when a keyring appears later', async () => {
    await (await start(noKeyring())).protection.setPassphrase(PASSPHRASE)

    const { protection } = await start(new NodeEncryptor(randomBytes(32), true, 'kwallet6'))

    expect(protection.status()).toEqual({ state: 'locked', backend: 'kwallet6' })
  })

  it('refuses a second passphrase once one is set', async () => {
    const { protection } = await start(noKeyring())
    await protection.setPassphrase(PASSPHRASE)

    await expect(protection.setPassphrase('another passphrase')).rejects.toMatchObject({
      code: 'invalid-input',
    })
  })

  it('moves secrets the basic_text keychain saved over to the passphrase', async () => {
    const key = randomBytes(32)
    // Saved by an earlier version, which used safeStorage's basic_text fallback.
    const earlier = await start(new NodeEncryptor(key))
    await earlier.secrets.set('k', ROOM_KEY)

    const now = await start(new NodeEncryptor(key, true, 'basic_text'))
    await now.protection.setPassphrase(PASSPHRASE)
    expect(now.secrets.get('k')).toBe(ROOM_KEY)

    const restarted = await start(new NodeEncryptor(randomBytes(32), true, 'basic_text'))
    await restarted.protection.unlock(PASSPHRASE)
    expect(restarted.secrets.get('k')).toBe(ROOM_KEY)
  })

  it('refuses to switch to a passphrase while the keychain that saved the secrets is unreadable', async () => {
    const earlier = await start(new NodeEncryptor(randomBytes(32), true, 'gnome_libsecret'))
    await earlier.secrets.set('k', ROOM_KEY)
    const before = structuredClone(earlier.app.data.secrets)

    const { protection, app } = await start(
      new NodeEncryptor(randomBytes(32), false, 'gnome_libsecret'),
    )

    await expect(protection.setPassphrase(PASSPHRASE)).rejects.toMatchObject({
      code: 'storage-failed',
      message: expect.stringContaining('restart Swarmroom'),
    })
    expect(protection.status().state).toBe('choose')
    expect(app.data.passphrase).toBeNull()
    expect((await AppStore.open(tempFolder())).data.secrets).toEqual(before)
  })

  it('refuses the switch, and keeps the keys locked, when a basic_text keychain cannot read them', async () => {
    const earlier = await start(new NodeEncryptor(randomBytes(32), true, 'gnome_libsecret'))
    await earlier.secrets.set('k', ROOM_KEY)

    const { protection, secrets } = await start(noKeyring())

    await expect(protection.setPassphrase(PASSPHRASE)).rejects.toMatchObject({
      code: 'storage-failed',
    })
    expect(protection.status().state).toBe('choose')
    await expect(secrets.set('other', 'value')).rejects.toMatchObject({ code: 'keys-locked' })
  })
})
