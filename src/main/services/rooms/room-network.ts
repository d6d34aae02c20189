/**
 * How rooms reach teammates: the network settings (the embedded signaling server, team
 * servers, the relay), what one room connects with, its invite link and its relay choice.
 */
import type { CaseSummary } from '@shared/ipc'
import type { IceServerSetting, NetworkSettings, NetworkState } from '@shared/channels/rooms'
import { AppError } from '@shared/result'
import { formatInvite } from '@shared/room/invite'
import type { CaseIndex } from '../cases/case-index'
import type { LocalSignaling } from '../signaling/local-signaling'
import type { AppStore } from '../storage/app-store'
import { keyUnavailable, type RoomKeys } from '../storage/room-keys'
import type { SecretStore } from '../storage/secrets'

const RELAY_TOKEN = 'relay-token'

/** A TURN server's credential in the secret store, named after the server and its user. */
const iceCredentialName = (server: IceServerSetting): string =>
  `ice-credential:${server.username}@${server.urls}`

/** A server with, when one is given, its new credential (`''` removes the saved one). */
/** A STUN/TURN server as a room's RTCPeerConnection takes it. */
export interface IceServer {
  urls: string
  username?: string
  credential?: string
}

export type IceServerChange = IceServerSetting & { credential?: string | undefined }

/** What a room connects with (`room:connection`). */
export interface RoomConnectionInfo {
  key: string
  signalingUrls: string[]
  iceServers: IceServer[]
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
    const { hostOnLan, signalingPort, signalingUrls, relayUrl, iceServers } = this.app.data.settings
    return {
      settings: { hostOnLan, signalingPort, signalingUrls, relayUrl, iceServers },
      relayTokenSaved: this.relayToken() !== '',
      iceCredentialSaved: iceServers.map((server) => this.iceCredential(server) !== ''),
      signaling: {
        localUrl: state.localUrl,
        lanUrl: state.lanUrl ?? null,
        port: state.port,
        problem: state.problem ?? null,
      },
    }
  }

  /**
   * Saves the settings; a `relayToken` of `''` removes the saved one, absent keeps it. ICE
   * servers, when given, replace the saved ones; each one's credential goes to the secret store
   * (absent keeps the saved one), and those of servers no longer listed are removed.
   */
  async setSettings(
    settings: Omit<NetworkSettings, 'iceServers'>,
    relayToken?: string,
    iceServers?: readonly IceServerChange[],
  ): Promise<NetworkState> {
    const before = this.app.data.settings.iceServers
    const servers = iceServers?.map(({ urls, username }) => ({ urls, username }))
    await this.app.update((data) => {
      data.settings = { ...data.settings, ...settings, ...(servers ? { iceServers: servers } : {}) }
    })
    if (relayToken === '') await this.secrets.delete(RELAY_TOKEN)
    else if (relayToken !== undefined) await this.secrets.set(RELAY_TOKEN, relayToken)
    if (iceServers) {
      const kept = new Set(iceServers.map(iceCredentialName))
      for (const old of before) {
        if (!kept.has(iceCredentialName(old))) await this.secrets.delete(iceCredentialName(old))
      }
      for (const server of iceServers) {
        if (server.credential === '') await this.secrets.delete(iceCredentialName(server))
        else if (server.credential !== undefined) {
          await this.secrets.set(iceCredentialName(server), server.credential)
        }
      }
    }
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
      iceServers: this.app.data.settings.iceServers.map((server) => this.iceServer(server)),
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

  /** A server as RTCPeerConnection takes it: STUN bare, TURN with its user and credential. */
  private iceServer(server: IceServerSetting): IceServer {
    if (server.username === '') return { urls: server.urls }
    return { urls: server.urls, username: server.username, credential: this.iceCredential(server) }
  }

  /** A TURN server's saved credential; an unreadable one is sent as none (TURN refuses it). */
  private iceCredential(server: IceServerSetting): string {
    try {
      return this.secrets.get(iceCredentialName(server)) ?? ''
    } catch (error) {
      console.warn('a TURN credential could not be read', error)
      return ''
    }
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
