import type { ReactNode } from 'react'

interface SettingsActionsProps {
  /** The form's buttons. */
  children: ReactNode
  /** What the last save said: a confirmation, or an error in words to act on. */
  message?: { error: boolean; text: string } | undefined
}

/** The row under a settings form: its buttons, then what saving it said. */
export function SettingsActions({ children, message }: SettingsActionsProps): React.JSX.Element {
  return (
    <div className="settings__actions">
      {children}
      {message && (
        <p className={message.error ? 'field-error' : 'settings__saved'} role="status">
          {message.text}
        </p>
      )}
    </div>
  )
}
