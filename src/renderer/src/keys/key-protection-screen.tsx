import type { KeyProtectionStatus } from '@shared/channels/desktop'
import { PassphraseForm } from './passphrase-form'
import './key-protection.css'

/**
 * Shown before the lobby while room keys and tokens cannot be used: the computer has no
 * usable keyring and no passphrase was chosen yet (`choose`), or one was and it must be
 * entered at this start (`locked`).
 */
export function KeyProtectionScreen({
  status,
  onDone,
}: {
  status: KeyProtectionStatus & { state: 'choose' | 'locked' }
  onDone: (status: KeyProtectionStatus) => void
}): React.JSX.Element {
  const choosing = status.state === 'choose'
  return (
    <main className="key-protection">
      <section className="card key-protection__card" aria-labelledby="key-protection-title">
        <h1 id="key-protection-title">
          {choosing ? 'Protect your room keys' : 'Unlock your room keys'}
        </h1>
        {choosing ? (
          <>
            <p>
              Swarmroom keeps room keys and help-desk tokens encrypted. This computer has no
              unlocked keyring (for example GNOME Keyring or KWallet), so Swarmroom has nowhere safe
              to keep them.
            </p>
            <p>
              Either install or unlock a keyring and restart Swarmroom, or protect the keys with a
              passphrase that Swarmroom asks for at each start.
            </p>
            {status.backend && (
              <p className="key-protection__detail">
                For your IT team: Electron’s password store is “{status.backend}”.
              </p>
            )}
          </>
        ) : (
          <p>
            On this computer, room keys and help-desk tokens are protected by a passphrase. Enter it
            to open your cases.
          </p>
        )}
        <PassphraseForm mode={choosing ? 'create' : 'unlock'} onDone={onDone} />
      </section>
    </main>
  )
}
