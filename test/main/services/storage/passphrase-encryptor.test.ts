/**
 * Without a keyring, a passphrase protects room keys and tokens. The key it gives must stay in
 * memory: app.json holds only the salt, the scrypt parameters and a verifier.
 */
import { createHmac, hkdfSync, scryptSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AppStore } from '../../../../src/main/services/storage/app-store'
import {
  PassphraseEncryptor,
  WRONG_PASSPHRASE,
} from '../../../../src/main/services/storage/passphrase-encryptor'
import { SecretStore } from '../../../../src/main/services/storage/secrets'
import { useTempFolder } from '../../../fixtures/temp-folder'

const PASSPHRASE = 'correct horse battery staple'
const ZENDESK_TOKEN = 'zd-live-5b9c1e7a42f04d3f8e61'

const tempFolder = useTempFolder()

describe('PassphraseEncryptor', () => {
  it('decrypts what it encrypted, also after unlocking again with the same passphrase', async () => {
    const { encryptor, record } = await PassphraseEncryptor.create(PASSPHRASE)
    const encrypted = await encryptor.encrypt(ZENDESK_TOKEN)

    const unlocked = await PassphraseEncryptor.unlock(PASSPHRASE, record)

    expect(await unlocked.decrypt(encrypted)).toEqual({
      text: ZENDESK_TOKEN,
      shouldReEncrypt: false,
    })
    expect(Buffer.from(encrypted).toString('utf8')).not.toContain(ZENDESK_TOKEN)
  })

  it('refuses a wrong passphrase with a message saying so', async () => {
    const { record } = await PassphraseEncryptor.create(PASSPHRASE)

    await expect(
      PassphraseEncryptor.unlock('correct horse battery stapler', record),
    ).rejects.toMatchObject({ code: 'invalid-input', message: WRONG_PASSPHRASE })
    expect(WRONG_PASSPHRASE).toBe('That passphrase does not unlock this computer’s keys.')
  })

  it('refuses a passphrase shorter than eight characters', async () => {
    await expect(PassphraseEncryptor.create('short')).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'Choose a passphrase of at least 8 characters.',
    })
  })

  it('draws a new random salt each time, so the same passphrase gives another key', async () => {
    const first = await PassphraseEncryptor.create(PASSPHRASE)
    const second = await PassphraseEncryptor.create(PASSPHRASE)

    expect(first.record.salt).not.toBe(second.record.salt)
    expect(Buffer.from(first.record.salt, 'base64')).toHaveLength(16)
    expect(first.record.verifier).not.toBe(second.record.verifier)
    await expect(second.encryptor.decrypt(await first.encryptor.encrypt('x'))).rejects.toThrow()
  })

  it('uses a fresh IV for every value', async () => {
    const { encryptor } = await PassphraseEncryptor.create(PASSPHRASE)

    const once = Buffer.from(await encryptor.encrypt(ZENDESK_TOKEN)).toString('base64')
    const twice = Buffer.from(await encryptor.encrypt(ZENDESK_TOKEN)).toString('base64')

    expect(once).not.toBe(twice)
  })

  it('never writes the passphrase or the key derived from it to app.json', async () => {
    const { encryptor, record } = await PassphraseEncryptor.create(PASSPHRASE)
    const app = await AppStore.open(tempFolder())
    await app.update((data) => {
      data.passphrase = record
    })
    const secrets = new SecretStore(app)
    await secrets.load(encryptor)
    await secrets.set('zendesk', ZENDESK_TOKEN)
    await app.flush()

    // Derived here independently: scrypt, then HKDF into the value key and the verifier key.
    const master = scryptSync(PASSPHRASE, Buffer.from(record.salt, 'base64'), 32, {
      N: record.cost,
      r: record.blockSize,
      p: record.parallelization,
      maxmem: 256 * record.cost * record.blockSize,
    })
    const valueKey = Buffer.from(
      hkdfSync('sha256', master, Buffer.alloc(0), 'swarmroom secrets', 32),
    )
    const verifierKey = Buffer.from(
      hkdfSync('sha256', master, Buffer.alloc(0), 'swarmroom verifier', 32),
    )
    expect(
      createHmac('sha256', verifierKey).update('swarmroom passphrase verifier').digest('base64'),
    ).toBe(record.verifier)

    const bytes = readFileSync(app.file)
    const text = bytes.toString('utf8')
    expect(text).toContain(record.salt)
    for (const secret of [Buffer.from(PASSPHRASE), master, valueKey, verifierKey]) {
      expect(bytes.includes(secret)).toBe(false)
      for (const encoding of ['base64', 'hex', 'base64url'] as const) {
        expect(text).not.toContain(secret.toString(encoding))
      }
    }
    expect(text).not.toContain(ZENDESK_TOKEN)
  })
})
