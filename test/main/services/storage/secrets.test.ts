/**
 * Room keys and help-desk tokens live in app.json only in encrypted form. The encryptor here is
 * a Node stand-in for Electron's safeStorage (test/fixtures/node-encryptor.ts). Encryption is
 * asynchronous, so the store decrypts everything once at start (`load`) and `get` stays
 * synchronous for its callers.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AppStore } from '../../../../src/main/services/storage/app-store'
import { SecretStore } from '../../../../src/main/services/storage/secrets'
import { AppError } from '../../../../src/shared/result'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { useTempFolder } from '../../../fixtures/temp-folder'

const ZENDESK_TOKEN = 'zd-live-5b9c1e7a42f04d3f8e61'

const tempFolder = useTempFolder()

async function openSecrets(encryptor: NodeEncryptor): Promise<SecretStore> {
  const secrets = new SecretStore(await AppStore.open(tempFolder()))
  await secrets.load(encryptor)
  return secrets
}

describe('SecretStore', () => {
  it('returns a saved secret after the app store is reopened', async () => {
    const key = randomBytes(32)
    await (await openSecrets(new NodeEncryptor(key))).set('zendesk', ZENDESK_TOKEN)

    const reopened = await openSecrets(new NodeEncryptor(key))

    expect(reopened.get('zendesk')).toBe(ZENDESK_TOKEN)
  })

  it('never writes the secret to app.json in the clear', async () => {
    const secrets = await openSecrets(new NodeEncryptor())

    await secrets.set('zendesk', ZENDESK_TOKEN)

    const file = readFileSync((await AppStore.open(tempFolder())).file, 'utf8')
    expect(JSON.parse(file).secrets).toHaveProperty('zendesk')
    expect(file).not.toContain(ZENDESK_TOKEN)
    expect(file).not.toContain(Buffer.from(ZENDESK_TOKEN).toString('base64'))
  })

  it('returns undefined for a name that was never saved', async () => {
    const secrets = await openSecrets(new NodeEncryptor())

    expect(secrets.get('zendesk')).toBeUndefined()
    expect(secrets.get('constructor')).toBeUndefined()
  })

  it('forgets a deleted secret, also after reopening', async () => {
    const key = randomBytes(32)
    const secrets = await openSecrets(new NodeEncryptor(key))
    await secrets.set('zendesk', ZENDESK_TOKEN)

    await secrets.delete('zendesk')

    expect(secrets.get('zendesk')).toBeUndefined()
    expect((await openSecrets(new NodeEncryptor(key))).get('zendesk')).toBeUndefined()
  })

  it('refuses to save when the computer offers no secure storage', async () => {
    const secrets = await openSecrets(new NodeEncryptor(randomBytes(32), false))

    const saving = secrets.set('zendesk', ZENDESK_TOKEN)

    await expect(saving).rejects.toBeInstanceOf(AppError)
    await expect(saving).rejects.toMatchObject({ code: 'storage-failed' })
    expect((await AppStore.open(tempFolder())).data.secrets).toEqual({})
  })

  it('reports a secret saved under another key as unreadable', async () => {
    await (await openSecrets(new NodeEncryptor())).set('zendesk', ZENDESK_TOKEN)

    const withOtherKey = await openSecrets(new NodeEncryptor())

    expect(() => withOtherKey.get('zendesk')).toThrow(AppError)
    expect(() => withOtherKey.get('zendesk')).toThrow(
      expect.objectContaining({ code: 'storage-failed' }),
    )
  })

  it('decrypts each saved secret once, at load, however often it is read', async () => {
    const key = randomBytes(32)
    const first = await openSecrets(new NodeEncryptor(key))
    await first.set('zendesk', ZENDESK_TOKEN)
    await first.set('relay', 'relay-token')

    const encryptor = new NodeEncryptor(key)
    const reopened = await openSecrets(encryptor)
    for (let read = 0; read < 5; read += 1) expect(reopened.get('zendesk')).toBe(ZENDESK_TOKEN)

    expect(reopened.get('relay')).toBe('relay-token')
    expect(encryptor.decryptions).toBe(2)
  })

  it('saves again, re-encrypted, the secrets the keychain asks to re-encrypt', async () => {
    const key = randomBytes(32)
    await (await openSecrets(new NodeEncryptor(key))).set('zendesk', ZENDESK_TOKEN)
    const before = (await AppStore.open(tempFolder())).data.secrets['zendesk']

    const rotating = new NodeEncryptor(key)
    rotating.askToReEncrypt = true
    const reopened = await openSecrets(rotating)

    const after = (await AppStore.open(tempFolder())).data.secrets['zendesk']
    expect(reopened.get('zendesk')).toBe(ZENDESK_TOKEN)
    expect(after).toBeDefined()
    expect(after).not.toBe(before)
    expect((await openSecrets(new NodeEncryptor(key))).get('zendesk')).toBe(ZENDESK_TOKEN)
  })

  it('keeps reading the other secrets when one does not decrypt, and keeps that one saved', async () => {
    const key = randomBytes(32)
    await (await openSecrets(new NodeEncryptor(key))).set('zendesk', ZENDESK_TOKEN)
    const store = await AppStore.open(tempFolder())
    await store.update((data) => {
      data.secrets['damaged'] = Buffer.from('not a ciphertext at all, too short?').toString(
        'base64',
      )
    })

    const reopened = await openSecrets(new NodeEncryptor(key))

    expect(reopened.get('zendesk')).toBe(ZENDESK_TOKEN)
    expect(() => reopened.get('damaged')).toThrow(
      expect.objectContaining({ code: 'storage-failed' }),
    )
    expect((await AppStore.open(tempFolder())).data.secrets).toHaveProperty('damaged')
  })

  it('refuses to read or save secrets before they are loaded, with a message saying why', async () => {
    await (await openSecrets(new NodeEncryptor())).set('zendesk', ZENDESK_TOKEN)
    const locked = new SecretStore(await AppStore.open(tempFolder()))

    expect(() => locked.get('zendesk')).toThrow(expect.objectContaining({ code: 'keys-locked' }))
    expect(locked.get('never-saved')).toBeUndefined()
    await expect(locked.set('relay', 'token')).rejects.toMatchObject({
      code: 'keys-locked',
      message: expect.stringContaining('cannot create or join cases yet'),
    })
  })
})
