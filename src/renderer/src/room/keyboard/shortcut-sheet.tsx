import { ModalDialog } from '../../common/modal-dialog'
import { isMac, OTHER_KEYS, SHORTCUTS, shortcutLabel } from './shortcuts'
import './shortcut-sheet.css'

/** Every shortcut of the room, read from the same table the key handler uses. */
export function ShortcutSheet({ onClose }: { onClose: () => void }): React.JSX.Element {
  const mac = isMac()
  const rows = [
    ...SHORTCUTS.map((shortcut) => ({ label: shortcut.label, keys: shortcutLabel(shortcut, mac) })),
    ...OTHER_KEYS.map((other) => ({
      label: other.label,
      keys: mac ? other.keys.replace('Ctrl', 'Cmd') : other.keys,
    })),
  ]
  return (
    <ModalDialog labelledBy="shortcut-sheet-title" className="shortcut-sheet" onCancel={onClose}>
      <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
      <dl className="shortcut-sheet__list">
        {rows.map((row) => (
          <div key={row.label} className="shortcut-sheet__row">
            <dt>{row.label}</dt>
            <dd>
              <kbd>{row.keys}</kbd>
            </dd>
          </div>
        ))}
      </dl>
      <div className="dialog__actions">
        <button className="button button--primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  )
}
