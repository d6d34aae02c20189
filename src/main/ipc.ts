/** Binds every contract channel to ipcMain, through the validating dispatcher. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '@shared/ipc'
import type { Dispatch } from './services/ipc-dispatch'

export function registerIpc(dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame
      return dispatch(channel, input, {
        url: frame?.url,
        isMainFrame: frame !== null && frame === event.sender.mainFrame,
      })
    })
  }
}
