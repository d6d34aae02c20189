import { HelpDeskSettings } from './help-desk-settings'
import { NetworkSettings } from './network-settings'
import { ProfileSettings } from './profile-settings'
import type { SettingsSectionProps } from './settings-section-props'
import { UpdateSettings } from './update-settings'

export interface SettingsSection {
  id: string
  title: string
  render: (props: SettingsSectionProps) => React.JSX.Element
}

/** The sections of the settings page, in order. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'profile', title: 'Your name', render: (props) => <ProfileSettings {...props} /> },
  { id: 'network', title: 'Network', render: () => <NetworkSettings /> },
  {
    id: 'help-desks',
    title: 'Help desks',
    render: (props) => <HelpDeskSettings open={props.openConnection} />,
  },
  { id: 'updates', title: 'Updates', render: () => <UpdateSettings /> },
]
