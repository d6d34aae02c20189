/**
 * How rooms reach teammates: the network settings (the embedded signaling server, team
 * servers, the relay), what one room connects with, its invite link and its relay choice.
 */
import type { CaseSummary } from '@shared/ipc'
import type { NetworkSettings, NetworkState } from '@shared/channels/rooms'
import { AppError } from '@shared/result'
import { formatInvite } from '@shared/room/invite'
import type { CaseIndex } from '../cases/case-index'
import type { LocalSignaling } from '../signaling/local-signaling'
import type { AppStore } from '../storage/app-store'
import { keyUnavailable, type RoomKeys } from '../storage/room-keys'
import type { SecretStore } from '../storage/secrets'

const RELAY_TOKEN = 'relay-token'

/** What a room connects with (`room:connection`). */
export interface RoomConnectionInfo {
  key: string
  signalingUrls: string[]
  relay: { url: string; token: string } | null
}

export class RoomNetwork {
  constructor(
    private readonly app: AppStore,
    private readonly index: CaseIndex,
    private readonly keys: RoomKeys,
    private readonly secrets: SecretStore,
    private readonly signaling: LocalSignaling,
  ) {}

  async state(): Promise<NetworkState> {
    const state = await this.signaling.apply(this.app.data.settings)
    const { hostOnLan, signalingPort, signalingUrls, relayUrl } = this.app.data.settings
    return {
      settings: { hostOnLan, signalingPort, signalingUrls, relayUrl },
      relayTokenSaved: this.relayToken() !== '',
      signaling: {
        localUrl: state.localUrl,
        lanUrl: state.lanUrl ?? null,
        port: state.port,
        problem: state.problem ?? null,
      },
    }
  }

  /** Saves the settings; a `relayToken` of `''` removes the saved one, absent keeps it. */
  async setSettings(settings: NetworkSettings, relayToken?: string): Promise<NetworkState> {
    await this.app.update((data) => {
      data.settings = { ...data.settings, ...settings }
    })
    if (relayToken === '') await this.secrets.delete(RELAY_TOKEN)
    else if (relayToken !== undefined) await this.secrets.set(RELAY_TOKEN, relayToken)
    return this.state()
  }

  async connection(roomId: string): Promise<RoomConnectionInfo> {
    const entry = this.index.require(roomId)
    const state = await this.signaling.apply(this.app.data.settings)
    const { relayUrl, signalingUrls } = this.app.data.settings
    let key: string
    try {
      key = await this.keys.get(roomId)
    } catch (error) {
      throw keyUnavailable(error)
    }
    return {
      key,
      signalingUrls: unique([state.localUrl, ...entry.signalingUrls, ...signalingUrls]),
      relay: entry.relay && relayUrl ? { url: relayUrl, token: this.relayToken() } : null,
    }
  }

  async invite(roomId: string): Promise<string> {
    const entry = this.index.require(roomId)
    const state = await this.signaling.apply(this.app.data.settings)
    // Loopback addresses mean nothing on a teammate's computer.
    const servers = unique([
      ...(state.lanUrl ? [state.lanUrl] : []),
      ...entry.signalingUrls,
      ...this.app.data.settings.signalingUrls,
    ]).filter((url) => !/^wss?:\/\/(127\.|localhost|\[::1\])/.test(url))
    const key = await this.keys.get(roomId)
    return formatInvite({ roomId, key, title: entry.title, signalingUrls: servers })
  }

  async setRelay(roomId: string, relay: boolean): Promise<CaseSummary> {
    const entry = this.index.require(roomId)
    if (relay && !this.app.data.settings.relayUrl) {
      throw new AppError(
        'invalid-input',
        'No team relay is set up yet. Add its address and token in Settings → Network first.',
      )
    }
    await this.app.update(() => {
      entry.relay = relay
    })
    return entry
  }

  /** The saved relay token; an unreadable one is sent as none, so the relay says it refused. */
  private relayToken(): string {
    try {
      return this.secrets.get(RELAY_TOKEN) ?? ''
    } catch (error) {
      console.warn('the relay token could not be read', error)
      return ''
    }
  }
}

function unique(urls: readonly string[]): string[] {
  return [...new Set(urls)]
}
