import { ModalDialog } from './modal-dialog'

interface ConfirmDialogProps {
  title: string
  message: string
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
}

/** A modal question with the safe answer focused; Escape cancels. */
export function ConfirmDialog(props: ConfirmDialogProps): React.JSX.Element {
  return (
    <ModalDialog labelledBy="confirm-title" onCancel={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p>{props.message}</p>
      <div className="dialog__actions">
        <button className="button" autoFocus onClick={props.onCancel}>
          Cancel
        </button>
        <button className="button button--danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </ModalDialog>
  )
}
