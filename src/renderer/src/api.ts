/** The only door to main: `window.swarmroom`, installed by the preload from the IPC contract. */
import type { SwarmroomApi } from '@shared/ipc'

export const swarmroom: SwarmroomApi = window.swarmroom
