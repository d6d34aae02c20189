/** The cases on this computer, as app.json lists them: the one place that finds a case or fails. */
import type { CaseSummary, Identity } from '@shared/ipc'
import { AppError } from '@shared/result'
import type { AppStore } from '../storage/app-store'

export class CaseIndex {
  constructor(private readonly app: AppStore) {}

  /** Every case, the most recently active first. */
  list(): CaseSummary[] {
    return [...this.app.data.cases].sort((a, b) => b.lastActivity.localeCompare(a.lastActivity))
  }

  find(roomId: string): CaseSummary | undefined {
    return this.app.data.cases.find((entry) => entry.roomId === roomId)
  }

  has(roomId: string): boolean {
    return this.find(roomId) !== undefined
  }

  /** The case, or an error the renderer shows as it is. */
  require(roomId: string): CaseSummary {
    const entry = this.find(roomId)
    if (!entry) {
      throw new AppError(
        'not-found',
        'That case is not on this computer any more. It may have been deleted.',
      )
    }
    return entry
  }

  /** Who is using Swarmroom on this computer; every case needs a name to act under. */
  requireIdentity(): Identity {
    const identity = this.app.data.identity
    if (!identity) throw new AppError('invalid-input', 'Choose your display name first.')
    return identity
  }
}
