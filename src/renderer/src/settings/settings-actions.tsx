import type { ReactNode } from 'react'
import type { SaveMessage } from './settings-part'

interface SettingsActionsProps {
  /** The form's buttons. */
  children: ReactNode
  /** What the last save said, one line per part saved. */
  messages?: SaveMessage[] | undefined
}

/** The bar under the settings form, kept in view: its button, then what saving said. */
export function SettingsActions({ children, messages }: SettingsActionsProps): React.JSX.Element {
  return (
    <div className="settings__save-bar">
      {children}
      <div role="status" className="settings__messages">
        {messages?.map((message) => (
          <p key={message.text} className={message.error ? 'field-error' : 'settings__saved'}>
            {message.text}
          </p>
        ))}
      </div>
    </div>
  )
}
