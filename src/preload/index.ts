/** Exposes `window.swarmroom`, built from the IPC contract, and nothing else. */
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from '../shared/bridge'
import { CHANNELS } from '../shared/ipc'

contextBridge.exposeInMainWorld(
  'swarmroom',
  createBridge(CHANNELS, (channel, input) => ipcRenderer.invoke(channel, input)),
)
