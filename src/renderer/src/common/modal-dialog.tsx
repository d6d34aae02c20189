import { useEffect, useRef, type ReactNode } from 'react'

interface ModalDialogProps {
  /** Id of the element that names the dialog (its heading). */
  labelledBy: string
  className?: string
  /** Escape, or the window's own close: the caller decides what closing means. */
  onCancel: () => void
  children: ReactNode
}

/** A native modal dialog, opened on mount: focus stays inside it and Escape calls onCancel. */
export function ModalDialog(props: ModalDialogProps): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  return (
    <dialog
      ref={dialog}
      className={`dialog ${props.className ?? ''}`}
      aria-labelledby={props.labelledBy}
      onCancel={(event) => {
        event.preventDefault()
        props.onCancel()
      }}
    >
      {props.children}
    </dialog>
  )
}
