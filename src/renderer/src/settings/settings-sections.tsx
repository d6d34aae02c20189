import type { Identity } from '@shared/ipc'
import { NetworkSettings } from './network-settings'
import { ProfileSettings } from './profile-settings'

export interface SettingsSectionProps {
  identity: Identity
  onIdentityChange: (identity: Identity) => void
}

export interface SettingsSection {
  id: string
  title: string
  render: (props: SettingsSectionProps) => React.JSX.Element
}

/** The sections of the settings page, in order. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'profile', title: 'Your name', render: (props) => <ProfileSettings {...props} /> },
  { id: 'network', title: 'Network', render: () => <NetworkSettings /> },
]
