import type { Identity } from '@shared/ipc'
import { SETTINGS_SECTIONS } from './settings-sections'
import './settings.css'

interface SettingsPageProps {
  identity: Identity
  onIdentityChange: (identity: Identity) => void
  /** A help-desk connection to open for editing on arrival. */
  openConnection?: string
  onClose: () => void
}

/** Everything a member sets once: their name, how rooms connect, help-desk connections. */
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
        {SETTINGS_SECTIONS.map((section) => (
          <section
            key={section.id}
            className="card settings__section"
            aria-labelledby={`settings-${section.id}`}
          >
            <h2 id={`settings-${section.id}`}>{section.title}</h2>
            {section.render(props)}
          </section>
        ))}
      </div>
    </main>
  )
}
