interface EmptyLobbyProps {
  onNewCase: () => void
  onJoin: () => void
}

/** No case on this computer yet: the two ways in, and nothing else to choose from. */
export function EmptyLobby({ onNewCase, onJoin }: EmptyLobbyProps): React.JSX.Element {
  return (
    <div className="empty-lobby">
      <h3>No cases yet</h3>
      <p>
        When a ticket needs more than one person, start a case and invite the swarm, or join a
        teammate’s case with the link they sent you.
      </p>
      <div className="empty-lobby__actions">
        <button className="button button--primary" onClick={onNewCase}>
          New case
        </button>
        <button className="button" onClick={onJoin}>
          Join with a link
        </button>
      </div>
    </div>
  )
}
