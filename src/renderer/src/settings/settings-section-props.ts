import type { Identity } from '@shared/ipc'

/** What every section of the settings page is given. */
export interface SettingsSectionProps {
  identity: Identity
  onIdentityChange: (identity: Identity) => void
}
