import './you-badge.css'

/** "You · Dana Whitfield" where the app names its own user: words, not a coloured dot. */
export function YouBadge({ name }: { name: string }): React.JSX.Element {
  return (
    <span className="you-badge">
      <span className="you-badge__you">You</span>
      {name}
    </span>
  )
}
