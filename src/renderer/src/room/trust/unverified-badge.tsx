import type { Unverified } from '@shared/case/signatures/case-trust'

const REASONS: Record<Unverified, string> = {
  unsigned: 'It carries no signature.',
  'no-key': 'This computer has no key for the member it names.',
  'key-changed': 'It is signed by a key other than the one this computer pinned for that member.',
  'bad-signature': 'Its signature does not match what it says.',
  'not-owner': 'It was made by someone who did not own the case at the time.',
}

/** "Unverified": a decision that is not signed by the key of the member it names. */
export function UnverifiedBadge({ reason }: { reason: Unverified | undefined }): React.JSX.Element {
  return (
    <span className="unverified-badge" title={reason ? REASONS[reason] : undefined}>
      unverified
    </span>
  )
}
