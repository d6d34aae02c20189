/**
 * The app's own signaling server: always on loopback so this computer's windows find each
 * other with no setup, or on every interface when the user hosts rooms for the office (then
 * invites carry its LAN address). It follows the settings and restarts when they change.
 */
import { networkInterfaces } from 'node:os'
import type { Settings } from '../storage/app-store'
import {
  startSignalingServer,
  type SignalingServer,
  type SignalingServerOptions,
} from './signaling-server'

export interface SignalingState {
  /** Where this computer's windows connect, e.g. `ws://127.0.0.1:4444`. */
  localUrl: string
  /** Where teammates on the LAN connect, when hosting; otherwise undefined. */
  lanUrl: string | undefined
  port: number
  /** Why the configured port was not used, or why hosting failed, in plain words. */
  problem: string | undefined
}

export class LocalSignaling {
  private server: SignalingServer | undefined
  private current: SignalingState | undefined
  private applied = ''
  /** The apply under way: calls run one after another, so no server is started twice. */
  private queue: Promise<unknown> = Promise.resolve()

  /**
   * @param allowedOrigins the Origins of the app's own pages (`browserOrigin(rendererUrl)`):
   *   the only web pages that may connect, here and from teammates' computers.
   */
  constructor(private readonly allowedOrigins: readonly string[] = []) {}

  /** Starts or restarts the server to match `settings`; a taken port falls back to a free one. */
  apply(settings: Pick<Settings, 'hostOnLan' | 'signalingPort'>): Promise<SignalingState> {
    const next = this.queue.then(() => this.applyNow(settings))
    this.queue = next.catch(() => undefined)
    return next
  }

  private async applyNow(
    settings: Pick<Settings, 'hostOnLan' | 'signalingPort'>,
  ): Promise<SignalingState> {
    const wanted = JSON.stringify([settings.hostOnLan, settings.signalingPort])
    if (this.current && wanted === this.applied) return this.current
    await this.server?.close()
    const host = settings.hostOnLan ? '0.0.0.0' : '127.0.0.1'
    const options: SignalingServerOptions = { host, allowedOrigins: this.allowedOrigins }
    let problem: string | undefined
    try {
      this.server = await startSignalingServer({ ...options, port: settings.signalingPort })
    } catch (error) {
      problem = `${error instanceof Error ? error.message : String(error)} A free port was used instead.`
      this.server = await startSignalingServer({ ...options, port: 0 })
    }
    const port = this.server.port
    const lanAddress = settings.hostOnLan ? lanIpv4() : undefined
    if (settings.hostOnLan && !lanAddress) {
      problem = 'This computer has no network address on a LAN, so teammates cannot reach it.'
    }
    this.applied = wanted
    this.current = {
      localUrl: `ws://127.0.0.1:${port}`,
      lanUrl: lanAddress ? `ws://${lanAddress}:${port}` : undefined,
      port,
      problem,
    }
    return this.current
  }

  get state(): SignalingState | undefined {
    return this.current
  }

  async close(): Promise<void> {
    await this.queue
    await this.server?.close()
    this.server = undefined
    this.current = undefined
  }
}

/** The first non-internal IPv4 address: what a teammate on the same network can reach. */
function lanIpv4(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address
    }
  }
  return undefined
}
