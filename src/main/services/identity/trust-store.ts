/** The keys and first owner this computer pinned per case, in app.json (`trust`). */
import { mergePins, trustPinsSchema, type TrustPins } from '@shared/case/signatures/trust-pins'
import type { AppStore } from '../storage/app-store'

export class TrustStore {
  constructor(private readonly app: AppStore) {}

  get(roomId: string): TrustPins | undefined {
    const value = Object.hasOwn(this.app.data.trust, roomId)
      ? this.app.data.trust[roomId]
      : undefined
    return trustPinsSchema.safeParse(value).data
  }

  /** Pins what is seen for the first time; answers the pins as they now stand. */
  async pin(roomId: string, seen: TrustPins, verifiedOwner?: string): Promise<TrustPins> {
    const before = this.get(roomId)
    const pins = mergePins(before, seen)
    if (verifiedOwner !== undefined && verifiedOwner !== '') pins.lastOwner = verifiedOwner
    if (JSON.stringify(pins) !== JSON.stringify(before)) {
      await this.app.update((data) => {
        data.trust[roomId] = pins
      })
    }
    return pins
  }

  /** A case moved to a new room keeps what this computer pinned for it. */
  async move(fromRoomId: string, toRoomId: string): Promise<void> {
    const pins = this.get(fromRoomId)
    if (!pins) return
    await this.app.update((data) => {
      data.trust[toRoomId] = pins
    })
  }
}
