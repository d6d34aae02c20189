import type { SwarmroomApi } from '@shared/ipc'

declare global {
  interface Window {
    swarmroom: SwarmroomApi
  }
}
