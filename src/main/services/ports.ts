/** What Electron lends the services: notifications, events to the window, the save dialog. */
import type { EventName, EventPayload } from '@shared/ipc'

/** A desktop notification; `onClick` runs when the user clicks it. */
export interface DesktopNotification {
  title: string
  body: string
  onClick: () => void
}

/** Shows a desktop notification (Electron's `Notification` in the app). */
export type Notify = (notification: DesktopNotification) => void

/** Tells the renderer something happened (`webContents.send` in the app). */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** A file the user saves (a note or an article); `format` picks the save dialog's filter. */
export interface FileToSave {
  suggestedName: string
  content: string
  format: 'markdown' | 'html' | 'csv'
}

/**
 * Asks the user where to save a file and writes it (a save dialog in the app, a folder in
 * tests). Resolves to the path written, or null when the user cancelled.
 */
export type SaveFile = (file: FileToSave) => Promise<string | null>

/** Opens a web link in the user's browser (through Electron's shell in the app). */
export type OpenInBrowser = (url: string) => Promise<void>
