/** Exposes `window.swarmroom`, built from the IPC contract, and nothing else. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createBridge } from '@shared/bridge'
import { CHANNELS, EVENT_NAMES } from '@shared/ipc'

contextBridge.exposeInMainWorld(
  'swarmroom',
  createBridge(
    CHANNELS,
    (channel, input) => ipcRenderer.invoke(channel, input),
    EVENT_NAMES,
    (event, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipcRenderer.on(`event:${event}`, forward)
      return () => {
        ipcRenderer.off(`event:${event}`, forward)
      }
    },
  ),
)
