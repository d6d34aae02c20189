/**
 * Protects secrets with a passphrase where the computer has no usable keychain (Linux without
 * GNOME Keyring or KWallet). scrypt turns the passphrase and a random salt into a master key,
 * held only in memory; HKDF splits it into the AES-256-GCM key for values and a key for the
 * verifier, an HMAC of a fixed text that app.json keeps so a wrong passphrase is told apart
 * from a damaged value. Each value is `version (1) | iv (12) | auth tag (16) | ciphertext`.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdf,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto'
import { AppError } from '@shared/result'
import type { PassphraseRecord } from './app-store'
import type { Encryptor } from './secrets'

export const MIN_PASSPHRASE_LENGTH = 8
export const WRONG_PASSPHRASE = 'That passphrase does not unlock this computer’s keys.'

const FORMAT_VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const SALT_BYTES = 16
const VERIFIER_TEXT = 'swarmroom passphrase verifier'
/** OWASP's scrypt minimum is N=2^17, r=8, p=1; 2^15 keeps a start under a second on old laptops. */
const DEFAULT_COST = { cost: 2 ** 15, blockSize: 8, parallelization: 1 }

export class PassphraseEncryptor implements Encryptor {
  private constructor(private readonly valueKey: Buffer) {}

  /** A new salt for a passphrase chosen now; `record` goes into app.json. */
  static async create(
    passphrase: string,
  ): Promise<{ encryptor: PassphraseEncryptor; record: PassphraseRecord }> {
    checkPassphrase(passphrase)
    const salt = randomBytes(SALT_BYTES)
    const params = { kdf: 'scrypt' as const, ...DEFAULT_COST, salt: salt.toString('base64') }
    const keys = await deriveKeys(passphrase, params)
    return {
      encryptor: new PassphraseEncryptor(keys.valueKey),
      record: { ...params, verifier: verifierOf(keys.verifierKey).toString('base64') },
    }
  }

  /** The encryptor for the passphrase `record` was made with; refuses any other passphrase. */
  static async unlock(passphrase: string, record: PassphraseRecord): Promise<PassphraseEncryptor> {
    const keys = await deriveKeys(passphrase, record)
    const expected = Buffer.from(record.verifier, 'base64')
    const actual = verifierOf(keys.verifierKey)
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new AppError('invalid-input', WRONG_PASSPHRASE)
    }
    return new PassphraseEncryptor(keys.valueKey)
  }

  isAvailable(): Promise<boolean> {
    return Promise.resolve(true)
  }

  encrypt(text: string): Promise<Uint8Array> {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.valueKey, iv, { authTagLength: TAG_BYTES })
    const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
    return Promise.resolve(
      Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), ciphertext]),
    )
  }

  async decrypt(encrypted: Uint8Array): Promise<{ text: string; shouldReEncrypt: boolean }> {
    const bytes = Buffer.from(encrypted)
    if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT_VERSION) {
      throw new Error('not a value encrypted with a passphrase')
    }
    const iv = bytes.subarray(1, 1 + IV_BYTES)
    const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES)
    const decipher = createDecipheriv('aes-256-gcm', this.valueKey, iv, {
      authTagLength: TAG_BYTES,
    })
    decipher.setAuthTag(tag)
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ])
    return { text: plain.toString('utf8'), shouldReEncrypt: false }
  }
}

/** Refuses a passphrase too short to protect anything, with the reason. */
export function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError(
      'invalid-input',
      `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    )
  }
}

async function deriveKeys(
  passphrase: string,
  params: Omit<PassphraseRecord, 'verifier'>,
): Promise<{ valueKey: Buffer; verifierKey: Buffer }> {
  const options: ScryptOptions = {
    N: params.cost,
    r: params.blockSize,
    p: params.parallelization,
    maxmem: 256 * params.cost * params.blockSize,
  }
  const master = await new Promise<Buffer>((done, fail) =>
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      32,
      options,
      (e, key) => (e ? fail(e) : done(key)),
    ),
  )
  const [valueKey, verifierKey] = await Promise.all(
    ['swarmroom secrets', 'swarmroom verifier'].map(
      (info) =>
        new Promise<Buffer>((done, fail) =>
          hkdf('sha256', master, Buffer.alloc(0), info, 32, (e, key) =>
            e ? fail(e) : done(Buffer.from(key)),
          ),
        ),
    ),
  )
  master.fill(0)
  if (!valueKey || !verifierKey) throw new Error('key derivation gave no key')
  return { valueKey, verifierKey }
}

function verifierOf(verifierKey: Buffer): Buffer {
  return createHmac('sha256', verifierKey).update(VERIFIER_TEXT).digest()
}
