import { useId, useState } from 'react'

interface PresenceFaceProps {
  /** What the circle shows: initials, "You" or "+3". */
  text: string
  /** The face's name for screen readers. */
  label: string
  /** The tooltip's lines (name, role, where they are), also the face's description. */
  details: readonly string[]
  /** The member's palette class (`member-color-2`), which sets `--member-color`. */
  colorClass: string
  variant?: 'person' | 'you' | 'more'
  /** Their app only syncs the case in the background. */
  away?: boolean
}

/**
 * One face of the header's facepile. Hover or keyboard focus shows who it is in a tooltip
 * that the face names as its description; Escape hides it until the pointer or focus leaves.
 */
export function PresenceFace(props: PresenceFaceProps): React.JSX.Element {
  const { text, label, details, colorClass, variant = 'person', away = false } = props
  const tooltipId = useId()
  const [dismissed, setDismissed] = useState(false)
  return (
    <span
      className={`presence-face presence-face--${variant}${away ? ' presence-face--away' : ''}`}
      onMouseLeave={() => setDismissed(false)}
    >
      <span
        className={`presence-face__avatar ${colorClass}`}
        tabIndex={0}
        role="img"
        aria-label={label}
        aria-describedby={tooltipId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setDismissed(true)
        }}
        onBlur={() => setDismissed(false)}
      >
        {text}
      </span>
      <span
        role="tooltip"
        id={tooltipId}
        className="presence-face__tooltip"
        data-dismissed={dismissed ? 'true' : undefined}
      >
        {details.map((line, index) => (
          <span key={index} className="presence-face__line">
            {line}
          </span>
        ))}
      </span>
    </span>
  )
}
