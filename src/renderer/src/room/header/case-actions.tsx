/**
 * Archive and Delete, the two things done to a case rarely and never in a hurry, behind one
 * "More" button, so the header keeps its room for what a swarm uses all the time. A
 * disclosure: Escape or a click elsewhere closes it, and the keyboard goes back to the button.
 */
import { useEffect, useId, useRef, useState } from 'react'

interface CaseActionsProps {
  /** Undefined until the case list said whether this case is archived. */
  archived: boolean | undefined
  onToggleArchived: () => void
  onDelete: () => void
}

export function CaseActions(props: CaseActionsProps): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const id = useId()

  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open])

  const choose = (action: () => void): void => {
    setOpen(false)
    action()
  }

  return (
    <div className="case-actions">
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((shown) => !shown)}
      >
        More <span aria-hidden="true">▾</span>
      </button>
      <div ref={panel} id={id} className="case-actions__panel" hidden={!open}>
        {props.archived !== undefined && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => choose(props.onToggleArchived)}
          >
            {props.archived ? 'Unarchive' : 'Archive'}
          </button>
        )}
        <button
          type="button"
          className="button button--danger-quiet"
          onClick={() => choose(props.onDelete)}
        >
          Delete
        </button>
      </div>
    </div>
  )
}
