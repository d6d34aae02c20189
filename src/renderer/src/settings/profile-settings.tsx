import type { ProfileSettings } from './use-profile-settings'

/** The display name field. */
export function ProfileFields({ profile }: { profile: ProfileSettings }): React.JSX.Element {
  return (
    <label className="field">
      <span>Display name</span>
      <input value={profile.name} onChange={(event) => profile.setName(event.target.value)} />
    </label>
  )
}
