/** Electron's side of notifications and save dialogs, handed to the services as plain functions. */
import { join } from 'node:path'
import { app, dialog, Notification, type BrowserWindow, type FileFilter } from 'electron'
import type { AskSavePath } from './services/desktop/save-file'
import type { FileToSave, Notify } from './services/ports'

/** Notifications stay referenced until dismissed: one collected early never reports a click. */
const shown = new Set<Notification>()

export function desktopNotifier(window: () => BrowserWindow | undefined): Notify {
  return ({ title, body, onClick }) => {
    if (!Notification.isSupported()) return
    const notification = new Notification({ title, body })
    shown.add(notification)
    notification.on('click', () => {
      const target = window()
      if (target?.isMinimized()) target.restore()
      target?.focus()
      onClick()
    })
    notification.on('close', () => shown.delete(notification))
    notification.show()
  }
}

const SAVE_FILTERS: Record<FileToSave['format'], FileFilter> = {
  html: { name: 'Web page', extensions: ['html'] },
  markdown: { name: 'Markdown', extensions: ['md'] },
  csv: { name: 'Spreadsheet (CSV)', extensions: ['csv'] },
}

export function saveDialog(window: () => BrowserWindow | undefined): AskSavePath {
  return async (suggestedName, format) => {
    const options = {
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: [SAVE_FILTERS[format], { name: 'All files', extensions: ['*'] }],
    }
    const target = window()
    const result = target
      ? await dialog.showSaveDialog(target, options)
      : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }
}
