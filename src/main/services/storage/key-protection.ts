/**
 * Which protection keeps the secrets, decided at start: the OS keychain when it is there and is
 * a real one, otherwise a passphrase the user chooses once and enters at each start. Once a
 * passphrase is chosen (remembered in app.json) Swarmroom keeps asking for it, even if a
 * keyring appears later, because the secrets are encrypted with it.
 *
 * Switching from the keychain to a passphrase moves the secrets: each is decrypted with the
 * keychain and encrypted with the passphrase, in one write. When the keychain cannot read them
 * (it is locked or gone) the switch is refused, so no saved key silently becomes unreadable.
 */
import { AppError } from '@shared/result'
import type { AppData, AppStore } from './app-store'
import { PassphraseEncryptor, checkPassphrase } from './passphrase-encryptor'
import type { Encryptor, SecretStore } from './secrets'

/** The OS keychain (Electron's `safeStorage` in the app). */
export interface Keychain extends Encryptor {
  /**
   * On Linux, the password store behind it (`getSelectedStorageBackend`): `basic_text` means
   * none, only a key written into Electron itself. Undefined on other systems. Read after
   * `isAvailable`, which starts the keychain.
   */
  backend(): string | undefined
}

export type KeyProtectionState = 'keychain' | 'choose' | 'locked' | 'unlocked'

export interface KeyProtectionStatus {
  /**
   * `keychain`: the OS keychain protects the keys. `choose`: there is no usable keychain and
   * no passphrase yet. `locked`: a passphrase protects them and was not entered yet.
   * `unlocked`: it was.
   */
  state: KeyProtectionState
  /** The Linux password store the keychain would use, when known. */
  backend?: string
}

/** Backends that protect nothing: `basic_text` encrypts with a key known to everyone. */
const UNUSABLE_BACKENDS = new Set(['basic_text', 'unknown'])

const KEYCHAIN_SECRETS_UNREADABLE =
  'Swarmroom saved room keys or help-desk tokens with this computer’s keyring, which it cannot ' +
  'open now, so it will not switch to a passphrase (they would be lost). Unlock or start the ' +
  'keyring (for example GNOME Keyring or KWallet) and restart Swarmroom.'

export class KeyProtection {
  private readonly ready: Promise<void>
  private markReady: () => void = () => undefined
  /** One change at a time: a second click must not set two passphrases. */
  private changing: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly app: AppStore,
    private readonly secrets: SecretStore,
    private readonly keychain: Keychain,
    private readonly keychainAvailable: boolean,
    private state: KeyProtectionState,
  ) {
    this.ready = new Promise((done) => (this.markReady = done))
    if (state === 'keychain') this.markReady()
  }

  /** Decides the protection and, for the keychain, loads the secrets with it. */
  static async start(
    app: AppStore,
    secrets: SecretStore,
    keychain: Keychain,
  ): Promise<KeyProtection> {
    const available = await keychain.isAvailable().catch((error: unknown) => {
      console.warn('the keychain could not be started', error)
      return false
    })
    const backend = keychain.backend()
    const usable = available && !(backend !== undefined && UNUSABLE_BACKENDS.has(backend))
    const state = app.data.passphrase ? 'locked' : usable ? 'keychain' : 'choose'
    if (state === 'keychain') await secrets.load(keychain)
    return new KeyProtection(app, secrets, keychain, available, state)
  }

  status(): KeyProtectionStatus {
    const backend = this.keychain.backend()
    return backend === undefined ? { state: this.state } : { state: this.state, backend }
  }

  /** Resolves once the secrets can be read and saved. */
  whenReady(): Promise<void> {
    return this.ready
  }

  /** The first time, without a usable keychain: protects the secrets with `passphrase`. */
  setPassphrase(passphrase: string): Promise<KeyProtectionStatus> {
    return this.oneAtATime(async () => {
      if (this.state !== 'choose') throw alreadyChosen(this.state)
      checkPassphrase(passphrase)
      const { encryptor, record } = await PassphraseEncryptor.create(passphrase)
      const recordIt = (data: AppData): void => {
        data.passphrase = record
      }
      if (this.secrets.savedNames().length === 0) {
        await this.app.update(recordIt)
        await this.secrets.load(encryptor)
      } else {
        // Saved before with the keychain (a basic_text one still reads them): move them.
        const moved =
          this.keychainAvailable && (await this.secrets.moveAll(this.keychain, encryptor, recordIt))
        if (!moved) throw new AppError('storage-failed', KEYCHAIN_SECRETS_UNREADABLE)
      }
      return this.unlocked()
    })
  }

  /** At each start after a passphrase was chosen: refuses a wrong one with a clear message. */
  unlock(passphrase: string): Promise<KeyProtectionStatus> {
    return this.oneAtATime(async () => {
      if (this.state === 'unlocked') return this.status()
      const record = this.app.data.passphrase
      if (this.state !== 'locked' || !record) throw alreadyChosen(this.state)
      await this.secrets.load(await PassphraseEncryptor.unlock(passphrase, record))
      return this.unlocked()
    })
  }

  private unlocked(): KeyProtectionStatus {
    this.state = 'unlocked'
    this.markReady()
    return this.status()
  }

  private oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const next = this.changing.then(change, change)
    this.changing = next.catch(() => undefined)
    return next
  }
}

function alreadyChosen(state: KeyProtectionState): AppError {
  return new AppError(
    'invalid-input',
    state === 'locked'
      ? 'A passphrase already protects the keys on this computer: enter it to unlock them.'
      : state === 'choose'
        ? 'No passphrase is set on this computer yet: choose one first.'
        : 'The keys on this computer are already unlocked.',
  )
}
