/** The way out of a case that could not be opened or shown. */
export function BackToCases({ onLeave }: { onLeave: () => void }): React.JSX.Element {
  return (
    <button className="button" onClick={onLeave}>
      Back to cases
    </button>
  )
}
