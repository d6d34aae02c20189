import type { Identity } from '@shared/ipc'

/** What every section of the settings page is given. */
export interface SettingsSectionProps {
  identity: Identity
  onIdentityChange: (identity: Identity) => void
  /** A help-desk connection to open for editing on arrival (from a refused login's banner). */
  openConnection?: string
}
