import { useEffect, useRef, type ReactNode } from 'react'

interface ModalDialogProps {
  /** Id of the element that names the dialog (its heading). */
  labelledBy: string
  className?: string
  /** Escape, or the window's own close: the caller decides what closing means. */
  onCancel: () => void
  children: ReactNode
}

/**
 * A native modal dialog, opened on mount: focus stays inside it and Escape calls onCancel.
 * When it goes, the keyboard goes back to what had it before (the button that opened it):
 * the browser does that only for a dialog closed with close(), not for one taken out of the page.
 */
export function ModalDialog(props: ModalDialogProps): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const opener = document.activeElement
    dialog.current?.showModal()
    return () => {
      // After React has removed the dialog; focus that something else took on purpose stays.
      requestAnimationFrame(() => {
        const lost = document.activeElement === null || document.activeElement === document.body
        if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus()
      })
    }
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
