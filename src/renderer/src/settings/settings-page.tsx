import type { Identity } from '@shared/ipc'
import { HelpDeskSettings } from './help-desk-settings'
import { SettingsForm } from './settings-form'
import './settings.css'

interface SettingsPageProps {
  identity: Identity
  onIdentityChange: (identity: Identity) => void
  /** A help-desk connection to open for editing on arrival. */
  openConnection?: string
  onClose: () => void
}

/** Everything a member sets once: their name, colours, updates, help desks, the network. */
export function SettingsPage(props: SettingsPageProps): React.JSX.Element {
  return (
    <main className="settings">
      <header className="topbar">
        <button className="button button--quiet" onClick={props.onClose}>
          ← Cases
        </button>
        <h1 className="brand">Settings</h1>
      </header>
      <div className="settings__body">
        <SettingsForm identity={props.identity} onIdentityChange={props.onIdentityChange} />
        <section className="card settings__section" aria-labelledby="settings-help-desks">
          <h2 id="settings-help-desks">Help desks</h2>
          <HelpDeskSettings open={props.openConnection} />
        </section>
      </div>
    </main>
  )
}
