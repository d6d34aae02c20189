/**
 * Room keys, kept with the secret store (safeStorage in the app), by room id. A case made on
 * this computer gets a new random key; a case joined from an invite keeps the invite's key.
 */
import { generateRoomKey } from '@shared/room/room-key'
import { AppError } from '@shared/result'
import type { SecretStore } from './secrets'

const secretName = (roomId: string): string => `room-key:${roomId}`

export class RoomKeys {
  constructor(private readonly secrets: SecretStore) {}

  async create(roomId: string): Promise<string> {
    const key = generateRoomKey()
    await this.secrets.set(secretName(roomId), key)
    return key
  }

  async set(roomId: string, key: string): Promise<void> {
    await this.secrets.set(secretName(roomId), key)
  }

  /** The room's key; a case without one (made before keys existed) gets one now. */
  async get(roomId: string): Promise<string> {
    const key = this.secrets.get(secretName(roomId))
    if (key) return key
    return this.create(roomId)
  }

  has(roomId: string): boolean {
    try {
      return this.secrets.get(secretName(roomId)) !== undefined
    } catch {
      return false
    }
  }

  async delete(roomId: string): Promise<void> {
    await this.secrets.delete(secretName(roomId))
  }
}

/** For messages when the key cannot be read (a reset keychain). */
export function keyUnavailable(cause: unknown): AppError {
  return new AppError(
    'storage-failed',
    'The room key of this case could not be read from this computer’s keychain, so it cannot ' +
      'connect to teammates. It still works on this computer; ask a teammate for a new invite ' +
      'link to reconnect.',
    { cause },
  )
}
